package vn.binhduong.keycloak.otp.sender.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.httpclient.HttpClientBuilder;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;
import vn.binhduong.keycloak.otp.sender.MapScope;
import vn.binhduong.keycloak.otp.sender.SmsSendException;

/**
 * The {@code http} provider and its presets, each against a loopback WireMock stand-in answering in that gateway's
 * shape: what the request carries (placeholders, vault references, phone format, escaping) and how the answer is
 * judged. The presets' URLs are replaced with the stand-in's, as an operator gives the contract's host.
 */
class HttpSmsSenderTest {

    private static final String PHONE = "+84326926565";
    private static final String CODE = "012345";
    private static final String TEXT = "Mã xác thực của bạn là 012345. Mã có hiệu lực trong 120 giây.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the realm's vault holds in these tests. */
    private static final Map<String, String> VAULT = Map.of("${vault.sms-key}", "key-from-vault",
            "${vault.sms-secret}", "secret-from-vault", "${vault.fpt-secret}", "fpt-client-secret");

    /** Built as Keycloak's default HTTP client provider builds its own. */
    private final CloseableHttpClient keycloakClient = new HttpClientBuilder().build();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
    private WireMockServer gateway;

    @BeforeEach
    void startGateway() {
        gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
    }

    @AfterEach
    void stopGateway() throws Exception {
        gateway.stop();
        keycloakClient.close();
    }

    private static KeycloakSession sessionWithVault() {
        RealmModel realm = (RealmModel) Proxy.newProxyInstance(HttpSmsSenderTest.class.getClassLoader(),
                new Class<?>[] {RealmModel.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        KeycloakContext context = (KeycloakContext) Proxy.newProxyInstance(HttpSmsSenderTest.class.getClassLoader(),
                new Class<?>[] {KeycloakContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRealm" -> realm;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        VaultTranscriber vault = (VaultTranscriber) Proxy.newProxyInstance(HttpSmsSenderTest.class.getClassLoader(),
                new Class<?>[] {VaultTranscriber.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStringSecret" -> secret(VAULT.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (KeycloakSession) Proxy.newProxyInstance(HttpSmsSenderTest.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContext" -> context;
                    case "vault" -> vault;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static VaultStringSecret secret(String value) {
        return new VaultStringSecret() {
            @Override
            public Optional<String> get() {
                return Optional.ofNullable(value);
            }

            @Override
            public void close() {
            }
        };
    }

    private HttpSmsSender sender(Map<String, String> options) {
        HttpGatewayConfig config = HttpGatewayConfig.from(new MapScope(options));
        GatewayToken token = config.token() == null ? null
                : new GatewayToken(config.token(), JSON, now::get);
        GatewayHttp http = new GatewayHttp(keycloakClient, config.timeout(), HttpClientProvider.DEFAULT_MAX_CONSUMED_RESPONSE_SIZE);
        return new HttpSmsSender(sessionWithVault(), config, http, JSON, token);
    }

    private static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> options = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return options;
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = gateway.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static JsonNode json(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    @Test
    void esmsGetsItsJsonWithTheKeysFromTheVaultAndAcceptsCodeResult100() throws Exception {
        gateway.stubFor(post(urlEqualTo("/esms")).willReturn(okJson("{\"CodeResult\":\"100\",\"SMSID\":\"a1b2\"}")));
        HttpSmsSender esms = sender(Map.of("preset", "esms", "url", gateway.baseUrl() + "/esms",
                "username", "${vault.sms-key}", "secret", "${vault.sms-secret}", "brandname", "BINHDUONG"));

        esms.send(PHONE, TEXT, CODE);

        JsonNode body = json(onlyRequest());
        assertThat(body.path("ApiKey").asText()).isEqualTo("key-from-vault");
        assertThat(body.path("SecretKey").asText()).isEqualTo("secret-from-vault");
        assertThat(body.path("Phone").asText()).isEqualTo("0326926565");
        assertThat(body.path("Content").asText()).isEqualTo(TEXT);
        assertThat(body.path("Brandname").asText()).isEqualTo("BINHDUONG");
        assertThat(body.path("SmsType").asText()).isEqualTo("2");
        assertThat(body.path("RequestId").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void esmsRefusingWithAnotherCodeResultIsASureFailure() {
        gateway.stubFor(post(urlEqualTo("/esms")).willReturn(okJson("{\"CodeResult\":\"99\",\"ErrorMessage\":\"Brandname chưa đăng ký\"}")));
        HttpSmsSender esms = sender(Map.of("preset", "esms", "url", gateway.baseUrl() + "/esms",
                "username", "k", "secret", "s", "brandname", "BINHDUONG"));

        assertThatThrownBy(() -> esms.send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isFalse();
            assertThat(e.getMessage()).contains("CodeResult = 99");
        });
    }

    @Test
    void speedSmsGetsBasicAuthWithTheTokenAsUserAndTheNumberWithoutPlus() throws Exception {
        gateway.stubFor(post(urlEqualTo("/speedsms")).willReturn(okJson("{\"status\":\"success\",\"code\":\"00\",\"data\":{\"tranId\":1}}")));
        HttpSmsSender speedSms = sender(Map.of("preset", "speedsms", "url", gateway.baseUrl() + "/speedsms",
                "username", "${vault.sms-key}", "brandname", "BINHDUONG"));

        speedSms.send(PHONE, TEXT, CODE);

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("key-from-vault:x".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = json(request);
        assertThat(body.path("to").get(0).asText()).isEqualTo("84326926565");
        assertThat(body.path("sms_type").asInt()).isEqualTo(3);
        assertThat(body.path("sender").asText()).isEqualTo("BINHDUONG");
    }

    @Test
    void speedSmsAnsweringErrorIsRefused() {
        gateway.stubFor(post(urlEqualTo("/speedsms")).willReturn(okJson("{\"status\":\"error\",\"code\":\"007\"}")));
        HttpSmsSender speedSms = sender(Map.of("preset", "speedsms", "url", gateway.baseUrl() + "/speedsms",
                "username", "t", "brandname", "BINHDUONG"));

        assertThatThrownBy(() -> speedSms.send(PHONE, TEXT, CODE)).isInstanceOf(SmsSendException.class);
    }

    private static final String VIETTEL_OK = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
            + "<ns2:wsCpMtResponse xmlns:ns2=\"http://impl.bulkSms.ws/\"><return><message>OK</message><result>1</result>"
            + "</return></ns2:wsCpMtResponse></S:Body></S:Envelope>";

    private Map<String, String> viettel() {
        return Map.of("preset", "viettel", "url", gateway.baseUrl() + "/bulkapi", "username", "bdcp",
                "secret", "${vault.sms-secret}", "param-cp-code", "BINHDUONG_CP", "brandname", "BINHDUONG");
    }

    @Test
    void viettelGetsItsSoapEnvelopeWithTheTextEscapedAndAcceptsResult1() throws Exception {
        gateway.stubFor(post(urlEqualTo("/bulkapi")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=utf-8").withBody(VIETTEL_OK)));

        sender(viettel()).send(PHONE, "Mã <b> & \"x\" 012345", CODE);

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("text/xml");
        assertThat(request.getHeader("SOAPAction")).isEqualTo("\"\"");
        assertThat(request.getBodyAsString()).contains("<impl:wsCpMt>", "<User>bdcp</User>",
                "<Password>secret-from-vault</Password>", "<CPCode>BINHDUONG_CP</CPCode>",
                "<ReceiverID>84326926565</ReceiverID>", "<ServiceID>BINHDUONG</ServiceID>",
                "<Content>Mã &lt;b&gt; &amp; &quot;x&quot; 012345</Content>");
    }

    @Test
    void viettelAnsweringAnotherResultIsRefusedAndAnUnreadableAnswerMayHaveBeenTaken() {
        gateway.stubFor(post(urlEqualTo("/bulkapi")).willReturn(aResponse().withStatus(200)
                .withBody(VIETTEL_OK.replace("<result>1</result>", "<result>0</result>"))));
        assertThatThrownBy(() -> sender(viettel()).send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.mayHaveBeenDelivered()).isFalse());

        gateway.resetAll();
        gateway.stubFor(post(urlEqualTo("/bulkapi")).willReturn(aResponse().withStatus(200).withBody("<html>bảo trì")));
        assertThatThrownBy(() -> sender(viettel()).send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.mayHaveBeenDelivered()).isTrue());
    }

    @Test
    void aSoapAnswerWithADoctypeIsNotParsed() {
        gateway.stubFor(post(urlEqualTo("/bulkapi")).willReturn(aResponse().withStatus(200).withBody(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><result>&x;</result>")));

        assertThatThrownBy(() -> sender(viettel()).send(PHONE, TEXT, CODE))
                .isInstanceOfSatisfying(SmsSendException.class, e -> assertThat(e.getMessage()).contains("not XML"));
    }

    @Test
    void vnptGetsTheCodeAloneAsTheTemplatesParameter() throws Exception {
        gateway.stubFor(post(urlEqualTo("/smsbn/api")).willReturn(okJson(
                "{\"RPLY\":{\"name\":\"send_sms_list\",\"ERROR\":\"0\",\"ERROR_DESC\":\"success\"}}")));
        HttpSmsSender vnpt = sender(Map.of("preset", "vnpt", "url", gateway.baseUrl() + "/smsbn/api",
                "username", "bdapi", "secret", "${vault.sms-secret}", "param-label-id", "123",
                "param-contract-id", "456", "param-template-id", "789", "param-agent-id", "244", "param-user", "bd"));

        vnpt.send(PHONE, TEXT, CODE);

        JsonNode request = json(onlyRequest()).path("RQST");
        assertThat(request.path("TEMPLATEID").asText()).isEqualTo("789");
        assertThat(request.path("PARAMS").get(0).path("NUM").asText()).isEqualTo("1");
        assertThat(request.path("PARAMS").get(0).path("CONTENT").asText()).isEqualTo(CODE);
        assertThat(request.path("MOBILELIST").asText()).isEqualTo("84326926565");
        assertThat(request.path("APIPASS").asText()).isEqualTo("secret-from-vault");
        assertThat(request.path("REQID").asText()).matches("[0-9a-f]{32}");
        assertThat(request.toString()).doesNotContain("Mã xác thực");
    }

    @Test
    void vnptAnsweringAnErrorIsRefused() {
        gateway.stubFor(post(urlEqualTo("/smsbn/api")).willReturn(okJson("{\"RPLY\":{\"ERROR\":\"16\",\"ERROR_DESC\":\"template\"}}")));
        HttpSmsSender vnpt = sender(Map.of("preset", "vnpt", "url", gateway.baseUrl() + "/smsbn/api",
                "username", "u", "secret", "s", "param-label-id", "1", "param-contract-id", "2",
                "param-template-id", "3", "param-agent-id", "4", "param-user", "5"));

        assertThatThrownBy(() -> vnpt.send(PHONE, TEXT, CODE)).hasMessageContaining("/RPLY/ERROR = 16");
    }

    @Test
    void vmgGetsItsTokenHeaderFromTheVault() throws Exception {
        gateway.stubFor(post(urlEqualTo("/vmg")).willReturn(okJson("{\"errorCode\":\"000\",\"errorMessage\":\"Success\",\"referentId\":\"r1\"}")));
        HttpSmsSender vmg = sender(Map.of("preset", "vmg", "url", gateway.baseUrl() + "/vmg",
                "secret", "${vault.sms-secret}", "brandname", "BINHDUONG"));

        vmg.send(PHONE, TEXT, CODE);

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("token")).isEqualTo("secret-from-vault");
        assertThat(json(request).path("to").asText()).isEqualTo("84326926565");
        assertThat(json(request).path("from").asText()).isEqualTo("BINHDUONG");
    }

    private Map<String, String> fpt() {
        return Map.of("preset", "fpt", "url", gateway.baseUrl() + "/api/push-brandname-otp",
                "token-url", gateway.baseUrl() + "/oauth2/token", "token-client-id", "bd-client",
                "token-client-secret", "${vault.fpt-secret}", "brandname", "BINHDUONG");
    }

    private void fptAnswers(String token, long expiresIn) {
        gateway.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"" + token
                + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\",\"scope\":\"send_brandname_otp\"}")));
        gateway.stubFor(post(urlEqualTo("/api/push-brandname-otp")).willReturn(okJson(
                "{\"MessageId\":12345,\"Phone\":\"84326926565\",\"BrandName\":\"BINHDUONG\",\"Telco\":\"viettel\"}")));
    }

    @Test
    void fptFetchesAClientCredentialsTokenOnceAndSendsItInTheBodyWithTheMessageInBase64() throws Exception {
        fptAnswers("tok-1", 3600);
        HttpSmsSender fpt = sender(fpt());

        fpt.send(PHONE, TEXT, CODE);
        fpt.send(PHONE, TEXT, CODE);

        List<LoggedRequest> tokens = gateway.findAll(postRequestedFor(urlEqualTo("/oauth2/token")));
        assertThat(tokens).as("cached until it expires").hasSize(1);
        JsonNode tokenRequest = json(tokens.get(0));
        assertThat(tokenRequest.path("grant_type").asText()).isEqualTo("client_credentials");
        assertThat(tokenRequest.path("client_id").asText()).isEqualTo("bd-client");
        assertThat(tokenRequest.path("client_secret").asText()).isEqualTo("fpt-client-secret");
        assertThat(tokenRequest.path("scope").asText()).isEqualTo("send_brandname_otp");
        List<LoggedRequest> sends = gateway.findAll(postRequestedFor(urlEqualTo("/api/push-brandname-otp")));
        assertThat(sends).hasSize(2);
        JsonNode body = json(sends.get(0));
        assertThat(body.path("access_token").asText()).isEqualTo("tok-1");
        assertThat(body.path("Phone").asText()).isEqualTo("84326926565");
        assertThat(new String(Base64.getDecoder().decode(body.path("Message").asText()), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(sends.get(0).getHeader("Authorization")).as("FPT takes the token in the body").isNull();
    }

    @Test
    void anExpiredTokenIsFetchedAgain() throws Exception {
        fptAnswers("tok-1", 3600);
        HttpSmsSender fpt = sender(fpt());
        fpt.send(PHONE, TEXT, CODE);

        now.set(now.get().plusSeconds(3600 - 59));
        fptAnswers("tok-2", 3600);
        fpt.send(PHONE, TEXT, CODE);

        List<LoggedRequest> sends = gateway.findAll(postRequestedFor(urlEqualTo("/api/push-brandname-otp")));
        assertThat(json(sends.get(1)).path("access_token").asText()).isEqualTo("tok-2");
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/oauth2/token")))).hasSize(2);
    }

    @Test
    void aTokenTheGatewayRefusesIsDroppedAndNotRetriedInTheSameSend() throws Exception {
        fptAnswers("tok-1", 3600);
        Map<String, String> options = with(fpt(), "auth", "oauth2", "success-status", "200");
        HttpSmsSender gatewayWithBearer = sender(options);
        gateway.stubFor(post(urlEqualTo("/api/push-brandname-otp")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> gatewayWithBearer.send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.mayHaveBeenDelivered()).isFalse());
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/api/push-brandname-otp")))).hasSize(1);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/api/push-brandname-otp"))).get(0)
                .getHeader("Authorization")).isEqualTo("Bearer tok-1");

        fptAnswers("tok-2", 3600);
        gatewayWithBearer.send(PHONE, TEXT, CODE);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/oauth2/token")))).hasSize(2);
    }

    @Test
    void aGatewayThatStallsFreesTheThreadAfterTheSendTimeoutAndMayHaveTakenTheMessage() {
        gateway.stubFor(post(urlEqualTo("/sms")).willReturn(okJson("{\"status\":\"ok\"}").withFixedDelay(5000)));
        HttpSmsSender stalled = sender(Map.of("url", gateway.baseUrl() + "/sms", "timeout-ms", "300",
                "body-template", "{\"to\":\"{phone}\"}"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> stalled.send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isTrue();
            assertThat(e.getMessage()).contains("did not answer within 300 ms");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4000));
    }

    @Test
    void aRefusedConnectionSurelySentNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSmsSender unreachable = sender(Map.of("url", "http://127.0.0.1:" + closedPort + "/sms",
                "body-template", "{\"to\":\"{phone}\"}"));

        assertThatThrownBy(() -> unreachable.send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isFalse();
            assertThat(e.getMessage()).contains("refused the connection");
        });
    }

    @Test
    void aTokenEndpointThatFailsSurelySentNothing() {
        gateway.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> sender(fpt()).send(PHONE, TEXT, CODE)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isFalse();
            assertThat(e.getMessage()).contains("token endpoint answered HTTP 503");
        });
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/api/push-brandname-otp")))).isEmpty();
    }

    @Test
    void aFormTokenRequestCarriesTheClientInBasicAuth() throws Exception {
        gateway.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\":\"tok-f\",\"expires_in\":300}")));
        gateway.stubFor(post(urlEqualTo("/send")).willReturn(okJson("{}")));
        HttpSmsSender oauth = sender(Map.of("url", gateway.baseUrl() + "/send", "token-url", gateway.baseUrl() + "/token",
                "token-client-id", "bd", "token-client-secret", "${vault.sms-secret}", "token-scope", "sms"));

        oauth.send(PHONE, TEXT, CODE);

        LoggedRequest token = gateway.findAll(postRequestedFor(urlEqualTo("/token"))).get(0);
        assertThat(token.getBodyAsString()).isEqualTo("grant_type=client_credentials&scope=sms");
        assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("bd:secret-from-vault".getBytes(StandardCharsets.UTF_8)));
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/send"))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer tok-f");
    }

    @Test
    void placeholdersAreReplacedOnceSoAMessageCannotBringInAnother() throws Exception {
        gateway.stubFor(post(urlEqualTo("/send")).willReturn(okJson("{}")));
        HttpSmsSender custom = sender(Map.of("url", gateway.baseUrl() + "/send",
                "headers", "X-Api-Key: ${vault.sms-key}; X-Request: {requestId}",
                "body-template", "{\"to\":\"{phone}\",\"otp\":\"{code}\",\"text\":\"{message}\"}"));

        custom.send(PHONE, "giả {secret} ${vault.sms-secret} \"q\"", CODE);

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("X-Api-Key")).isEqualTo("key-from-vault");
        assertThat(request.getHeader("X-Request")).matches("[0-9a-f]{32}");
        JsonNode body = json(request);
        assertThat(body.path("otp").asText()).isEqualTo(CODE);
        assertThat(body.path("to").asText()).isEqualTo(PHONE);
        assertThat(body.path("text").asText()).isEqualTo("giả {secret} ${vault.sms-secret} \"q\"");
    }

    @Test
    void eachMessageHasItsOwnRequestId() throws Exception {
        gateway.stubFor(post(urlEqualTo("/send")).willReturn(okJson("{}")));
        HttpSmsSender custom = sender(Map.of("url", gateway.baseUrl() + "/send", "body-template", "{\"id\":\"{requestId}\"}"));

        custom.send(PHONE, TEXT, CODE);
        custom.send(PHONE, TEXT, CODE);

        List<LoggedRequest> requests = gateway.findAll(anyRequestedFor(anyUrl()));
        assertThat(json(requests.get(0)).path("id").asText()).isNotEqualTo(json(requests.get(1)).path("id").asText());
    }

    @Test
    void aBadTemplateOrAMissingParameterStopsTheBootNamingTheOption() {
        assertThatThrownBy(() -> sender(Map.of("url", "http://127.0.0.1:9/x", "body-template", "{\"to\":\"{receiver}\"}")))
                .hasMessageContaining("unknown placeholder {receiver}");
        assertThatThrownBy(() -> sender(Map.of("preset", "viettel", "url", "http://127.0.0.1:9/x")))
                .hasMessageContaining("spi-sms-sender--http--param-cp-code");
        assertThatThrownBy(() -> sender(Map.of("preset", "nokia", "url", "http://127.0.0.1:9/x")))
                .hasMessageContaining("no preset 'nokia'");
        assertThatThrownBy(() -> sender(Map.of("url", "http://127.0.0.1:9/x", "auth", "oauth2")))
                .hasMessageContaining("token-url");
    }

    @Test
    void theThreePhoneFormats() {
        assertThat(PhoneFormat.E164.format(PHONE)).isEqualTo(PHONE);
        assertThat(PhoneFormat.NATIONAL.format(PHONE)).isEqualTo("0326926565");
        assertThat(PhoneFormat.INTERNATIONAL.format(PHONE)).isEqualTo("84326926565");
    }
}
