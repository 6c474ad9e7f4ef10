package vn.binhduong.keycloak.otp.sender.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.httpclient.HttpClientBuilder;
import org.keycloak.connections.httpclient.HttpClientProvider;

import vn.binhduong.keycloak.otp.sender.MapScope;
import vn.binhduong.keycloak.otp.sender.GatewayHttp;
import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SuspectTrafficRefusal;

/** The twilio provider against a loopback WireMock stand-in of Twilio's Messages API. */
class TwilioSmsSenderTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "test-auth-token";
    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String PHONE = "+84326926565";
    private static final String TEXT = "Mã xác thực của bạn là 012345. Mã có hiệu lực trong 120 giây.";

    /** Generous, so that a loaded build machine never turns an answer into a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Built as Keycloak's default HTTP client provider builds its own. */
    private final CloseableHttpClient keycloakClient = new HttpClientBuilder().build();
    private WireMockServer twilio;

    @BeforeEach
    void startTwilio() {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
    }

    @AfterEach
    void stopTwilio() throws Exception {
        twilio.stop();
        keycloakClient.close();
    }

    private GatewayHttp http(Duration timeout) {
        return new GatewayHttp(keycloakClient, timeout, HttpClientProvider.DEFAULT_MAX_CONSUMED_RESPONSE_SIZE);
    }

    private TwilioSmsSender sender(String service, String from, Duration timeout) {
        return new TwilioSmsSender(new TwilioConfig(SID, "${vault.unused}", service, from,
                URI.create(twilio.baseUrl()), timeout), TOKEN, http(timeout));
    }

    private TwilioSmsSender sender() {
        return sender(SERVICE, null, TIMEOUT);
    }

    private void answer(ResponseDefinitionBuilder response) {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(response));
    }

    private static ResponseDefinitionBuilder queued() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"account_sid\":\"" + SID + "\","
                        + "\"status\":\"accepted\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}");
    }

    private List<LoggedRequest> received() {
        return twilio.findAll(anyRequestedFor(anyUrl()));
    }

    /** After a timeout the stand-in may log the request late: waits for the first one, then counts. */
    private List<LoggedRequest> receivedAfterATimeout() throws InterruptedException {
        for (int i = 0; i < 100 && received().isEmpty(); i++) {
            Thread.sleep(100);
        }
        return received();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void aMessageIsOnePostToTheMessagesApiWithBasicAuthAndTheServiceSid() throws Exception {
        answer(queued());

        sender().send(PHONE, TEXT);

        assertThat(received()).hasSize(1);
        LoggedRequest request = received().get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(MESSAGES);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", PHONE, "Body", TEXT, "MessagingServiceSid", SERVICE));
    }

    @Test
    void aSenderNumberGoesAsFromInsteadOfTheService() throws Exception {
        answer(queued());

        sender(null, "+15005550006", TIMEOUT).send(PHONE, TEXT);

        assertThat(form(received().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", PHONE, "Body", TEXT, "From", "+15005550006"));
    }

    @Test
    void anApiBaseWithAPathKeepsIt() throws Exception {
        twilio.stubFor(post(urlEqualTo("/twilio" + MESSAGES)).willReturn(queued()));
        TwilioSmsSender behindProxy = new TwilioSmsSender(new TwilioConfig(SID, TOKEN, SERVICE, null,
                URI.create(twilio.baseUrl() + "/twilio/"), TIMEOUT), TOKEN, http(TIMEOUT));

        behindProxy.send(PHONE, TEXT);

        assertThat(received()).extracting(LoggedRequest::getUrl).containsExactly("/twilio" + MESSAGES);
    }

    @Test
    void aServerErrorIsNotRetriedAndAllowsFailover() {
        answer(aResponse().withStatus(500).withBody("Internal Server Error"));

        assertThatThrownBy(() -> sender().send(PHONE, TEXT)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 500");
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void aTwilioErrorAnswerAllowsFailoverAndNamesNoPhone() {
        answer(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                "{\"code\":21211,\"message\":\"The 'To' number " + PHONE + " is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));

        assertThatThrownBy(() -> sender().send(PHONE, TEXT)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 400", "21211").doesNotContain(PHONE.substring(1));
            assertThat(e).hasNoCause();
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void anSmsPumpingBlockIsASuspectTrafficRefusalThatNoOtherGatewayMaySend() {
        answer(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                "{\"code\":30450,\"message\":\"Message delivery blocked by SMS Pumping Protection\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/30450\",\"status\":400}"));

        assertThatThrownBy(() -> sender().send(PHONE, TEXT)).isInstanceOfSatisfying(SuspectTrafficRefusal.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isFalse();
            assertThat(e.getMessage()).contains("30450").doesNotContain(PHONE.substring(1));
        });
    }

    @Test
    void aMessageFailedByFraudProtectionIsASuspectTrafficRefusal() {
        answer(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM1\",\"status\":\"failed\",\"error_code\":30450}"));

        assertThatThrownBy(() -> sender().send(PHONE, TEXT)).isInstanceOf(SuspectTrafficRefusal.class);
    }

    @Test
    void noAnswerWithinTheTimeoutMayHaveBeenQueuedSoItIsNotSentElsewhere() throws Exception {
        answer(queued().withFixedDelay(3000));

        assertThatThrownBy(() -> sender(SERVICE, null, Duration.ofMillis(300)).send(PHONE, TEXT))
                .isInstanceOfSatisfying(SmsSendException.class, e -> {
                    assertThat(e.mayHaveBeenDelivered()).isTrue();
                    assertThat(e.getMessage()).contains("did not answer in time");
                });
        assertThat(receivedAfterATimeout()).hasSize(1);
    }

    @Test
    void anUnreadableAcceptanceMayHaveBeenQueued() {
        answer(aResponse().withStatus(201).withHeader("Content-Type", "text/html").withBody("<html>garbage"));

        assertThatThrownBy(() -> sender().send(PHONE, TEXT)).isInstanceOfSatisfying(SmsSendException.class, e -> {
            assertThat(e.mayHaveBeenDelivered()).isTrue();
            assertThat(e.getMessage()).contains("unreadable (HTTP 201)");
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void aFailedMessageStatusIsAFailure() {
        answer(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM1\",\"status\":\"failed\"}"));

        assertThatThrownBy(() -> sender().send(PHONE, TEXT)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.mayHaveBeenDelivered()).isFalse());
    }

    @Test
    void aRefusedConnectionSurelySentNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsSender unreachable = new TwilioSmsSender(new TwilioConfig(SID, TOKEN, SERVICE, null,
                URI.create("http://127.0.0.1:" + closedPort), TIMEOUT), TOKEN, http(TIMEOUT));

        assertThatThrownBy(() -> unreachable.send(PHONE, TEXT)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.mayHaveBeenDelivered()).isFalse());
    }

    @Test
    void serverOptionsDefaultToTwilioAndFiveSecondsAndNeedOneSender() {
        TwilioConfig config = TwilioConfig.from(new MapScope(Map.of("account-sid", SID, "auth-token", "${vault.twilio}",
                "messaging-service-sid", SERVICE)));
        assertThat(config.apiBase()).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.authToken()).isEqualTo("${vault.twilio}");

        assertThatThrownBy(() -> TwilioConfig.from(new MapScope(Map.of("account-sid", SID, "auth-token", TOKEN))))
                .hasMessageContaining("exactly one of messaging-service-sid and from");
        assertThatThrownBy(() -> TwilioConfig.from(new MapScope(Map.of("account-sid", SID, "auth-token", TOKEN,
                "messaging-service-sid", SERVICE, "from", "+15005550006"))))
                .hasMessageContaining("exactly one of messaging-service-sid and from");
        assertThatThrownBy(() -> TwilioConfig.from(new MapScope(Map.of("account-sid", SID, "messaging-service-sid", SERVICE))))
                .hasMessageContaining("auth-token is required");
    }
}
