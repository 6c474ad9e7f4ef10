package vn.binhduong.keycloak.standins.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import vn.binhduong.keycloak.standins.StandIn;

/**
 * A Vietnamese brandname SMS gateway (Keycloak's primary {@code http} sms-sender) on loopback, made with WireMock:
 * {@code POST /sms} with a bearer token and a JSON body {@code {"to","text","brandname"}}, answering
 * {@code {"status":"ok"}}. Tests read what it received and can make it fail.
 */
public final class SmsGatewayStandIn implements StandIn {

    public static final String TOKEN = "standin-gateway-token";
    public static final String BRANDNAME = "BINHDUONG";
    /** Keycloak's send timeout against this gateway; {@link #hang()} answers later than that. */
    public static final int TIMEOUT_MS = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final Map<String, String> extraOptions;

    private SmsGatewayStandIn(Map<String, String> extraOptions) {
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        this.extraOptions = extraOptions;
        server.start();
        answerOk();
    }

    /** The primary gateway; {@code extraOptions} add e.g. the secondary provider. */
    public static SmsGatewayStandIn start(Map<String, String> extraOptions) {
        return new SmsGatewayStandIn(extraOptions);
    }

    @Override
    public Map<String, String> serverOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("spi-sms-sender--provider-default", "http");
        options.put("spi-sms-sender--http--url", url());
        options.put("spi-sms-sender--http--auth", "bearer");
        options.put("spi-sms-sender--http--secret", TOKEN);
        options.put("spi-sms-sender--http--brandname", BRANDNAME);
        options.put("spi-sms-sender--http--phone-format", "national");
        options.put("spi-sms-sender--http--success-json-field", "status");
        options.put("spi-sms-sender--http--success-json-value", "ok");
        options.put("spi-sms-sender--http--timeout-ms", Integer.toString(TIMEOUT_MS));
        options.putAll(extraOptions);
        return options;
    }

    /** Every test login comes from loopback, so the shipped per-IP hourly cap of the sms-otp step is lifted. */
    @Override
    public Map<String, String> environment() {
        return Map.of("BD_SMS_OTP_IP_HOURLY_CAP", "100000");
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + "/sms";
    }

    /** Accepts every message with the right token. */
    public void answerOk() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/sms")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"status\":\"ok\",\"id\":\"standin\"}")));
    }

    /** Accepts every message with the right token, each after {@code delayMs} (a slow but working gateway). */
    public void answerOkAfter(int delayMs) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/sms")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"status\":\"ok\",\"id\":\"standin\"}").withFixedDelay(delayMs)));
    }

    public void answer500() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
    }

    /** Answers well after Keycloak's timeout. */
    public void hang() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/sms")).willReturn(okJson("{\"status\":\"ok\"}").withFixedDelay(TIMEOUT_MS * 3)));
    }

    /** HTTP 200 with a body that is not the gateway's JSON. */
    public void answerGarbage() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>\u0000\u00ff garbage")));
    }

    /** Every message received, oldest first, whatever the gateway answered. */
    public List<SmsMessage> messages() {
        return server.findAll(postRequestedFor(urlEqualTo("/sms"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(SmsGatewayStandIn::message).toList();
    }

    /** Messages received for a phone, given in the gateway's national form ({@code 0…}). */
    public List<SmsMessage> messagesTo(String nationalPhone) {
        return messages().stream().filter(m -> m.to().equals(nationalPhone)).toList();
    }

    public Optional<String> lastCodeTo(String nationalPhone) {
        List<SmsMessage> to = messagesTo(nationalPhone);
        return to.isEmpty() ? Optional.empty() : to.get(to.size() - 1).code();
    }

    public LoggedRequest lastRequest() {
        return server.findAll(postRequestedFor(urlEqualTo("/sms"))).stream()
                .max(Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow();
    }

    private static SmsMessage message(LoggedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            return new SmsMessage(body.path("to").asText(), body.path("text").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
