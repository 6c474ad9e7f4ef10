package vn.binhduong.keycloak.standins.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import vn.binhduong.keycloak.standins.StandIn;

/**
 * Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP basic
 * auth with the account SID and auth token) on loopback, made with WireMock, for Keycloak's {@code twilio}
 * sms-sender. It answers as Twilio does: 201 with the accepted message.
 */
public final class TwilioStandIn implements StandIn {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "standin-twilio-auth-token";
    public static final String MESSAGING_SERVICE_SID = "MG00000000000000000000000000000001";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private final WireMockServer server;

    private TwilioStandIn() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        answerOk();
    }

    public static TwilioStandIn start() {
        return new TwilioStandIn();
    }

    @Override
    public Map<String, String> serverOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("spi-sms-sender--twilio--account-sid", ACCOUNT_SID);
        options.put("spi-sms-sender--twilio--auth-token", AUTH_TOKEN);
        options.put("spi-sms-sender--twilio--messaging-service-sid", MESSAGING_SERVICE_SID);
        options.put("spi-sms-sender--twilio--api-base-url", baseUrl());
        return options;
    }

    /** The API base URL the {@code twilio} provider is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Accepts every message (with any credentials: tests check the Authorization header themselves). */
    public void answerOk() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM00000000000000000000000000000001\",\"account_sid\":\"" + ACCOUNT_SID + "\","
                        + "\"messaging_service_sid\":\"" + MESSAGING_SERVICE_SID + "\",\"status\":\"accepted\","
                        + "\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"api_version\":\"2010-04-01\"}")));
    }

    /** Twilio's own error answer for an outage. */
    public void answer500() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
    }

    /** Every request received, whatever its path, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl())).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** Requests whose form field {@code To} is the phone (E.164). */
    public List<LoggedRequest> requestsTo(String phoneE164) {
        return requests().stream().filter(r -> phoneE164.equals(form(r).get("To"))).toList();
    }

    /** Messages received, oldest first: {@code To} and {@code Body}. */
    public List<SmsMessage> messages() {
        return requests().stream().map(r -> new SmsMessage(form(r).get("To"), form(r).get("Body"))).toList();
    }

    /** The form fields of a request ({@code To}, {@code Body}, {@code MessagingServiceSid}). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }
}
