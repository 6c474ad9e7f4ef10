package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The relying app's side of one login (authorization code with PKCE S256, as {@code dichvucong} does): the
 * authorization URL at the start, the code redeemed for tokens at the end, so every measured login ends with
 * tokens issued.
 */
final class AppLogin {

    static final String REDIRECT_URI = "http://localhost:3000/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;
    private final String clientId;
    private final String verifier = random();
    private final String state = random();

    AppLogin(String realmUrl, String clientId) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
    }

    String authorizationUrl(String extraQuery) {
        return realmUrl + "/protocol/openid-connect/auth?" + form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT_URI, "scope", "openid", "state", state, "nonce", random(),
                "code_challenge", challenge(), "code_challenge_method", "S256")) + extraQuery;
    }

    /** Checks that the visitor was sent back to the app and redeems the code. */
    void redeem(Visitor visitor) throws IOException, InterruptedException {
        URI callback = visitor.redirectOut();
        if (callback == null || !callback.toString().startsWith(REDIRECT_URI)) {
            throw new FlowException("not back at the app: " + visitor.page().title() + " " + visitor.excerpt());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : callback.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        if (!state.equals(query.get("state")) || !query.containsKey("code")) {
            throw new FlowException("bad callback " + callback);
        }
        var response = visitor.post(realmUrl + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", REDIRECT_URI, "client_id", clientId, "code_verifier", verifier));
        if (response.statusCode() != 200) {
            throw new FlowException("token endpoint: " + response.statusCode() + " " + response.body());
        }
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
