package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A relying app doing the authorization-code flow with PKCE S256, as {@code dichvucong} or {@code motcua} do. */
public final class OidcClient {

    public static final String APP_REDIRECT_BASE = "http://localhost:3000";
    public static final String REDIRECT_URI = APP_REDIRECT_BASE + "/callback";

    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String verifier = random();
    private final String state = random();
    private final String nonce = random();

    public OidcClient(String realmUrl, String clientId, String clientSecret) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public String authorizationUrl() {
        return authorizationUrl("openid");
    }

    /** The authorization request asking for these space-separated scopes, e.g. {@code openid phone}. */
    public String authorizationUrl(String scope) {
        return realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT_URI, "scope", scope,
                "state", state, "nonce", nonce, "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
    }

    /** Reads the code from the app's callback, checks the state, and redeems it at the token endpoint. */
    public JsonNode redeem(URI callback) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : callback.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        if (!state.equals(query.get("state")) || !query.containsKey("code")) {
            throw new IllegalStateException("bad callback " + callback);
        }
        Map<String, String> params = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", REDIRECT_URI, "client_id", clientId, "code_verifier", verifier));
        if (clientSecret != null) {
            params.put("client_secret", clientSecret);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    public String nonce() {
        return nonce;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
