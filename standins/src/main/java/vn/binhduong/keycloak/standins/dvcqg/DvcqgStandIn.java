package vn.binhduong.keycloak.standins.dvcqg;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import vn.binhduong.keycloak.standins.StandIn;

/**
 * DVCQG's identity server on loopback (WireMock): {@code /oauth2/authorize} shows a page where a person picks one
 * of the accounts of {@code userinfo-samples.json}; {@code /oauth2/login} sends them back with a one-time code;
 * {@code /oauth2/token} checks the client credentials (post or basic), the code (once only), its redirect URI and
 * PKCE verifier, and answers an access token and an RS256 id_token (keys at {@code /oauth2/jwks}, nonce echoed);
 * {@code /oauth2/userinfo} answers that account's claims in DVCQG's exact shape (GET or POST);
 * {@code /oidc/logout} records the logout. Tests add accounts, make it unreachable, slow or broken, flaw its
 * id_tokens, and read the requests it saw.
 */
public final class DvcqgStandIn implements StandIn {

    public static final String CLIENT_ID = "binhduong-test";
    public static final String LOOPBACK = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGOUT_PATH = "/oidc/logout";
    private static final String TOKEN_PATH = "/oauth2/token";
    private static final String USERINFO_PATH = "/oauth2/userinfo";
    private static final String JWKS_PATH = "/oauth2/jwks";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientSecret;
    private final Map<String, JsonNode> accounts = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final IdTokenSigner signer = new IdTokenSigner();
    private final List<StubMapping> troubles = new ArrayList<>();
    private volatile IdTokenFlaw idTokenFlaw;
    private final WireMockServer server;

    private DvcqgStandIn(String bindAddress, int port, String clientSecret) {
        this.clientSecret = clientSecret;
        this.server = new WireMockServer(options().bindAddress(bindAddress).port(port)
                .templatingEnabled(true).globalTemplating(false).extensions(new LoginRedirect(), new TokenEndpoint()));
    }

    /** On a free loopback port, for the tests. */
    public static DvcqgStandIn start() {
        return start(0, "test-secret-" + Long.toHexString(RANDOM.nextLong()));
    }

    /** On loopback, on the given port (0 for a free one), with the client secret Keycloak is configured with. */
    public static DvcqgStandIn start(int port, String clientSecret) {
        return start(LOOPBACK, port, clientSecret);
    }

    /** As {@link #start(int, String)}, listening on the given address ({@code 0.0.0.0} inside a container). */
    public static DvcqgStandIn start(String bindAddress, int port, String clientSecret) {
        DvcqgStandIn standIn = new DvcqgStandIn(bindAddress, port, clientSecret);
        standIn.server.start();
        standIn.stubEndpoints();
        samples().fields().forEachRemaining(sample -> standIn.account(sample.getKey(), sample.getValue()));
        return standIn;
    }

    /** The fictional accounts of {@code userinfo-samples.json}, by name. */
    public static ObjectNode samples() {
        try (InputStream in = DvcqgStandIn.class.getResourceAsStream("/dvcqg/userinfo-samples.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode sample(String name) {
        return samples().get(name).deepCopy();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The {@code iss} of the stand-in's id_tokens. */
    public String issuer() {
        return baseUrl();
    }

    public String jwksUrl() {
        return baseUrl() + JWKS_PATH;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("BD_DVCQG_ENVIRONMENT", "CUSTOM", "BD_DVCQG_BASE_URL", baseUrl(),
                "BD_DVCQG_CLIENT_ID", CLIENT_ID, "BD_DVCQG_CLIENT_SECRET", clientSecret,
                "BD_DVCQG_READ_TIMEOUT_MS", "2000", "BD_DVCQG_JWKS_URL", jwksUrl(), "BD_DVCQG_ISSUER", issuer());
    }

    /** Adds (or replaces) an account a login can pick: its userinfo claims, served for the access token {@code at-<name>}. */
    public void account(String name, JsonNode claims) {
        accounts.put(name, claims);
        server.stubFor(any(urlPathEqualTo(USERINFO_PATH)).withHeader("Authorization", equalTo("Bearer " + accessToken(name)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(claims.toString())));
    }

    private static String accessToken(String account) {
        return "at-" + account;
    }

    /**
     * Where the login page sends a person who picked this account, given the authorize URL Keycloak sent the
     * browser to: the stand-in's {@code /oauth2/login}, which answers with a redirect to Keycloak's broker endpoint
     * carrying a fresh one-time code and the state.
     */
    public String pick(URI authorizeUrl, String account) {
        Map<String, String> query = query(authorizeUrl);
        StringBuilder url = new StringBuilder(baseUrl()).append("/oauth2/login?account=").append(encode(account));
        for (String param : List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method")) {
            if (query.containsKey(param)) {
                url.append('&').append(param).append('=').append(encode(query.get(param)));
            }
        }
        return url.toString();
    }

    /** Keycloak's broker endpoint with a fresh one-time code for this account: the redirect {@link #pick} leads to. */
    public String callback(URI authorizeUrl, String account) {
        Map<String, String> query = query(authorizeUrl);
        String code = issueCode(account, query);
        return query.get("redirect_uri") + "?code=" + encode(code) + "&state=" + encode(query.get("state"));
    }

    /** As {@link #callback}, but with a code DVCQG already redeemed once: its token endpoint refuses it. */
    public String usedCallback(URI authorizeUrl, String account) {
        String callback = callback(authorizeUrl, account);
        grants.remove(query(URI.create(callback)).get("code"));
        return callback;
    }

    /** Where the login page's "Hủy" link sends a person who cancels: back to Keycloak with {@code access_denied}. */
    public String cancel(URI authorizeUrl) {
        Map<String, String> query = query(authorizeUrl);
        return query.get("redirect_uri") + "?error=access_denied&state=" + encode(query.get("state"));
    }

    private String issueCode(String account, Map<String, String> request) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        grants.put(code, new Grant(account, request.get("client_id"), request.get("redirect_uri"), blankToNull(request.get("nonce")),
                blankToNull(request.get("code_challenge")), blankToNull(request.get("code_challenge_method"))));
        return code;
    }

    /** From now on the id_tokens carry this defect; {@link #healthy()} ends it. */
    public void flawIdTokens(IdTokenFlaw flaw) {
        idTokenFlaw = flaw;
    }

    /** Connections to every endpoint are cut, as when DVCQG is down. */
    public void unreachable() {
        trouble(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        trouble(any(urlPathEqualTo("/oauth2/userinfo")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Every endpoint cuts the connection, as when DVCQG is down altogether (what the health probe looks for). */
    public void down() {
        trouble(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Userinfo answers only after this delay. */
    public void slowUserInfo(Duration delay) {
        trouble(any(urlPathEqualTo("/oauth2/userinfo")).atPriority(1)
                .willReturn(aResponse().withFixedDelay((int) delay.toMillis()).withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    /** The token endpoint answers this status and body (an error, or garbage). */
    public void tokenEndpointAnswers(int status, String body) {
        trouble(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The token endpoint answers only after this delay (with a body that would not do anyway). */
    public void slowTokenEndpoint(Duration delay) {
        trouble(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(aResponse().withFixedDelay((int) delay.toMillis()).withStatus(503)));
    }

    /** Back to normal after {@link #unreachable()}, {@link #down()}, {@link #slowUserInfo}, a token endpoint trouble or a flaw. */
    public void healthy() {
        troubles.forEach(server::removeStub);
        troubles.clear();
        idTokenFlaw = null;
    }

    private void trouble(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
        troubles.add(server.stubFor(mapping));
    }

    /** The token requests received, oldest first. */
    public List<TokenRequest> tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).stream()
                .map(request -> new TokenRequest(basicCredentials(request) != null, form(request))).toList();
    }

    /**
     * When the token endpoint was reached with a GET: only Keycloak's DVCQG health probe does that (a client
     * redeeming a code posts), so these are the probes received, oldest first.
     */
    public List<Instant> probeTimes() {
        return server.findAll(getRequestedFor(urlPathEqualTo(TOKEN_PATH))).stream()
                .map(request -> request.getLoggedDate().toInstant()).toList();
    }

    /** The HTTP methods of the userinfo calls made with this account's access token, oldest first. */
    public List<String> userInfoMethods(String account) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(USERINFO_PATH))
                        .withHeader("Authorization", equalTo("Bearer " + accessToken(account)))).stream()
                .map(request -> request.getMethod().getName()).toList();
    }

    /** The query strings of the logout calls DVCQG received. */
    public List<Map<String, String>> logouts() {
        return server.findAll(getRequestedFor(urlPathEqualTo(LOGOUT_PATH))).stream()
                .map(request -> query(URI.create(request.getAbsoluteUrl()))).toList();
    }

    private void stubEndpoints() {
        server.stubFor(get(urlPathEqualTo("/oauth2/authorize")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(loginPage())
                .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/oauth2/login")).willReturn(aResponse().withTransformers(LoginRedirect.NAME)));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withTransformers(TokenEndpoint.NAME)));
        server.stubFor(get(urlPathEqualTo(JWKS_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(signer.jwks())));
        server.stubFor(get(urlPathEqualTo(LOGOUT_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"vi\"><body><p>Đã đăng xuất khỏi Cổng Dịch vụ công Quốc gia (giả lập).</p></body></html>")));
    }

    /** {@code /oauth2/login}: the person picked an account; back to the client with a fresh one-time code. */
    private final class LoginRedirect implements ResponseDefinitionTransformerV2 {

        static final String NAME = "dvcqg-login";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            Map<String, String> query;
            try {
                query = query(URI.create(request.getAbsoluteUrl()));
            } catch (IllegalArgumentException badEncoding) {
                return refusalPage("Địa chỉ không hợp lệ. Vui lòng quay lại trang đăng nhập và thử lại.");
            }
            String redirectUri = query.get("redirect_uri");
            String account = query.get("account");
            if (account == null || account.isEmpty()) {
                return refusalPage("Chưa chọn tài khoản. Vui lòng quay lại, chọn một tài khoản VNeID rồi bấm “Đăng nhập”.");
            }
            if (!accounts.containsKey(account)) {
                return refusalPage("Không có tài khoản mẫu này. Vui lòng quay lại và chọn một tài khoản trong danh sách.");
            }
            if (redirectUri == null || redirectUri.isEmpty()) {
                return refusalPage("Thiếu địa chỉ trả về (redirect_uri). Vui lòng bắt đầu lại từ trang đăng nhập của hệ thống.");
            }
            String code = issueCode(query.get("account"), query);
            return aResponse().withStatus(302).withHeader("Location", redirectUri + "?code=" + encode(code)
                    + "&state=" + encode(query.getOrDefault("state", ""))).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /**
     * {@code /oauth2/token}: redeems a code once, for the client it was issued to, as an OAuth 2.0 server does;
     * anything wrong is answered with the OAuth error a real server gives.
     */
    private final class TokenEndpoint implements ResponseDefinitionTransformerV2 {

        static final String NAME = "dvcqg-token";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            try {
                return redeem(serveEvent.getRequest());
            } catch (IllegalArgumentException malformed) {
                // A form or an Authorization header that does not decode: an OAuth error, never a stack trace.
                return oauthError(400, "invalid_request");
            } catch (RuntimeException fault) {
                // A fault of the stand-in itself: named in the answer, so that Keycloak's log says what broke.
                return aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(JSON.createObjectNode()
                        .put("error", "server_error").put("error_description", fault.toString()).toString()).build();
            }
        }

        private ResponseDefinition redeem(Request request) {
            Map<String, String> form = form(request);
            String[] basic = basicCredentials(request);
            String clientId = basic != null ? basic[0] : form.get("client_id");
            String secret = basic != null ? basic[1] : form.get("client_secret");
            if (clientId == null || !clientSecret.equals(secret)) {
                return oauthError(401, "invalid_client");
            }
            if (!"authorization_code".equals(form.get("grant_type"))) {
                return oauthError(400, "unsupported_grant_type");
            }
            Grant grant = form.get("code") == null ? null : grants.remove(form.get("code"));
            if (grant == null || !accounts.containsKey(grant.account()) || !Objects.equals(grant.redirectUri(), form.get("redirect_uri"))
                    || grant.clientId() != null && !grant.clientId().equals(clientId)
                    || !pkceVerified(grant, form.get("code_verifier"))) {
                return oauthError(400, "invalid_grant");
            }
            return aResponse().withHeader("Content-Type", "application/json").withBody(JSON.createObjectNode()
                    .put("access_token", accessToken(grant.account())).put("token_type", "Bearer").put("expires_in", 3600)
                    .put("scope", "openid").put("id_token", idToken(grant, clientId)).toString()).build();
        }

        private boolean pkceVerified(Grant grant, String verifier) {
            if (grant.codeChallenge() == null) {
                return true;
            }
            if (verifier == null || !"S256".equals(grant.codeChallengeMethod())) {
                return false;
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(grant.codeChallenge());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private String idToken(Grant grant, String clientId) {
            IdTokenFlaw flaw = idTokenFlaw;
            long now = System.currentTimeMillis() / 1000;
            ObjectNode payload = JSON.createObjectNode()
                    .put("iss", flaw == IdTokenFlaw.WRONG_ISSUER ? "https://attacker.example" : issuer())
                    .put("sub", accounts.get(grant.account()).path("sub").asText(""))
                    .put("aud", flaw == IdTokenFlaw.WRONG_AUDIENCE ? "another-client" : clientId)
                    .put("iat", flaw == IdTokenFlaw.EXPIRED ? now - 7200 : now)
                    .put("exp", flaw == IdTokenFlaw.EXPIRED ? now - 3600 : now + 300);
            if (grant.nonce() != null) {
                payload.put("nonce", flaw == IdTokenFlaw.WRONG_NONCE ? "not-" + grant.nonce() : grant.nonce());
            }
            return signer.sign(payload, flaw == IdTokenFlaw.FOREIGN_KEY);
        }

        private ResponseDefinition oauthError(int status, String error) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"" + error + "\"}").build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Client id and secret of an HTTP Basic {@code Authorization} header (form-URL-encoded, RFC 6749 2.3.1), or null. */
    private static String[] basicCredentials(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String[] pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
        return pair.length == 2 ? new String[] {URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                URLDecoder.decode(pair[1], StandardCharsets.UTF_8)} : null;
    }

    private static Map<String, String> form(Request request) {
        return query(URI.create("http://form/?" + request.getBodyAsString()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The interactive page: one button per sample account (a person picks who DVCQG says they are). */
    private static String loginPage() {
        StringBuilder options = new StringBuilder();
        samples().fields().forEachRemaining(sample -> options.append("<li><label><input type=\"radio\" name=\"account\" value=\"")
                .append(sample.getKey()).append(options.length() == 0 ? "\" checked> <b>" : "\"> <b>").append(sample.getKey()).append("</b> — ")
                .append(escape(sample.getValue().path("HoVaTen").asText("")))
                .append("</label><pre>").append(escape(sample.getValue().toPrettyString())).append("</pre></li>"));
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>DVCQG (giả lập)</title></head><body>"
                + "<h1>Cổng Dịch vụ công Quốc gia — giả lập</h1><p>Chọn tài khoản VNeID để đăng nhập:</p>"
                + "<form id=\"dvcqg-login\" method=\"get\" action=\"/oauth2/login\">"
                + "<input type=\"hidden\" name=\"redirect_uri\" value=\"{{request.query.redirect_uri}}\">"
                + "<input type=\"hidden\" name=\"state\" value=\"{{request.query.state}}\">"
                + "<input type=\"hidden\" name=\"client_id\" value=\"{{request.query.client_id}}\">"
                + "<input type=\"hidden\" name=\"nonce\" value=\"{{request.query.nonce}}\">"
                + "<input type=\"hidden\" name=\"code_challenge\" value=\"{{request.query.code_challenge}}\">"
                + "<input type=\"hidden\" name=\"code_challenge_method\" value=\"{{request.query.code_challenge_method}}\"><ul>" + options
                + "</ul><button type=\"submit\">Đăng nhập</button></form>"
                + "<p><a href=\"{{request.query.redirect_uri}}?error=access_denied&amp;state={{request.query.state}}\">Hủy</a></p>"
                + "</body></html>";
    }

    /** A 400 page a person can read (never a stack trace): what is wrong and what to do. */
    private static ResponseDefinition refusalPage(String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>DVCQG (giả lập)</title></head>"
                        + "<body><h1>Cổng Dịch vụ công Quốc gia — giả lập</h1><p id=\"dvcqg-error\">" + escape(message)
                        + "</p></body></html>").build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("{", "&#123;").replace("}", "&#125;");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
