package vn.binhduong.keycloak.standins.dvcqg;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import vn.binhduong.keycloak.standins.StandIn;

/**
 * DVCQG's identity server on loopback (WireMock): {@code /oauth2/authorize} shows a page where a person picks one
 * of the accounts of {@code userinfo-samples.json}, {@code /oauth2/token} turns the picked account into an access
 * token, {@code /oauth2/userinfo} answers that account's claims in DVCQG's exact shape, {@code /oidc/logout}
 * records the logout. Tests add accounts, make it unreachable or slow, and read the logouts it saw.
 */
public final class DvcqgStandIn implements StandIn {

    public static final String CLIENT_ID = "binhduong-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGOUT_PATH = "/oidc/logout";

    private final WireMockServer server;
    private final String clientSecret;
    private final Map<String, JsonNode> accounts = new LinkedHashMap<>();
    private final List<StubMapping> troubles = new ArrayList<>();

    private DvcqgStandIn(WireMockServer server, String clientSecret) {
        this.server = server;
        this.clientSecret = clientSecret;
    }

    /** On a free loopback port, for the tests. */
    public static DvcqgStandIn start() {
        return start(0, "test-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
    }

    /** On the given port (0 for a free one) with the client secret Keycloak is configured with. */
    public static DvcqgStandIn start(int port, String clientSecret) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .templatingEnabled(true).globalTemplating(false));
        server.start();
        DvcqgStandIn standIn = new DvcqgStandIn(server, clientSecret);
        standIn.stubLoginPages();
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

    public String clientSecret() {
        return clientSecret;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("BD_DVCQG_ENVIRONMENT", "CUSTOM", "BD_DVCQG_BASE_URL", baseUrl(),
                "BD_DVCQG_CLIENT_ID", CLIENT_ID, "BD_DVCQG_CLIENT_SECRET", clientSecret,
                "BD_DVCQG_READ_TIMEOUT_MS", "2000");
    }

    /** Adds (or replaces) an account a login can pick: its token and its userinfo claims. */
    public void account(String name, JsonNode claims) {
        accounts.put(name, claims);
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).withRequestBody(matching("(.*&)?code=" + java.util.regex.Pattern.quote(name) + "(&.*)?"))
                .withRequestBody(containing("client_secret=" + clientSecret))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"at-" + name + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                + "\"scope\":\"openid\",\"id_token\":\"" + idToken(claims) + "\"}")));
        server.stubFor(any(urlPathEqualTo("/oauth2/userinfo")).withHeader("Authorization", equalTo("Bearer at-" + name))
                .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(claims.toString())));
    }

    /** An unsigned id_token, as DVCQG's integrators see one: no public integration validates it. */
    private String idToken(JsonNode claims) {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode payload = JSON.createObjectNode().put("iss", baseUrl() + "/oauth2/token")
                .put("sub", claims.path("sub").asText("")).put("aud", CLIENT_ID).put("iat", now).put("exp", now + 86_400);
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /**
     * Where the login page sends a person who picked this account, given the authorize URL Keycloak sent the
     * browser to: back to Keycloak's broker endpoint with a code and the state.
     */
    public String pick(URI authorizeUrl, String account) {
        Map<String, String> query = query(authorizeUrl);
        return baseUrl() + "/oauth2/login?account=" + encode(account) + "&redirect_uri=" + encode(query.get("redirect_uri"))
                + "&state=" + encode(query.get("state"));
    }

    /** Where the login page's "Hủy" link sends a person who cancels: back to Keycloak with {@code access_denied}. */
    public String cancel(URI authorizeUrl) {
        Map<String, String> query = query(authorizeUrl);
        return query.get("redirect_uri") + "?error=access_denied&state=" + encode(query.get("state"));
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

    /** Back to normal after {@link #unreachable()}, {@link #down()} or {@link #slowUserInfo}. */
    public void healthy() {
        troubles.forEach(server::removeStub);
        troubles.clear();
    }

    private void trouble(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
        troubles.add(server.stubFor(mapping));
    }

    /** The query strings of the logout calls DVCQG received. */
    public List<Map<String, String>> logouts() {
        return server.findAll(getRequestedFor(urlPathEqualTo(LOGOUT_PATH))).stream()
                .map(request -> query(URI.create(request.getAbsoluteUrl()))).toList();
    }

    private void stubLoginPages() {
        server.stubFor(get(urlPathEqualTo("/oauth2/authorize")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(loginPage())
                .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/oauth2/login")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{{request.query.redirect_uri}}}?code={{{urlEncode request.query.account}}}&state={{{urlEncode request.query.state}}}")
                .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo(LOGOUT_PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"vi\"><body><p>Đã đăng xuất khỏi Cổng Dịch vụ công Quốc gia (giả lập).</p></body></html>")));
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
                + "<input type=\"hidden\" name=\"state\" value=\"{{request.query.state}}\"><ul>" + options
                + "</ul><button type=\"submit\">Đăng nhập</button></form>"
                + "<p><a href=\"{{request.query.redirect_uri}}?error=access_denied&amp;state={{request.query.state}}\">Hủy</a></p>"
                + "</body></html>";
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
