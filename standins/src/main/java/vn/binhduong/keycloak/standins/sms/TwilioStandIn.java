package vn.binhduong.keycloak.standins.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import vn.binhduong.keycloak.standins.StandIn;

/**
 * Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded, basic auth) on
 * loopback, made with WireMock, for Keycloak's {@code twilio} sms-sender. It answers as Twilio does, 201 with the
 * queued message.
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
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM00000000000000000000000000000001\",\"account_sid\":\"" + ACCOUNT_SID + "\","
                        + "\"messaging_service_sid\":\"" + MESSAGING_SERVICE_SID + "\",\"status\":\"accepted\","
                        + "\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"api_version\":\"2010-04-01\"}")));
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
        options.put("spi-sms-sender--twilio--api-base-url", "http://127.0.0.1:" + server.port());
        return options;
    }

    /** Requests received, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** The form fields of a request ({@code To}, {@code Body}, {@code MessagingServiceSid}). */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    public Optional<LoggedRequest> lastRequestTo(String phoneE164) {
        List<LoggedRequest> to = requests().stream().filter(r -> phoneE164.equals(form(r).get("To"))).toList();
        return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
    }

    public Optional<String> lastCodeTo(String phoneE164) {
        return lastRequestTo(phoneE164).flatMap(r -> new SmsMessage(phoneE164, form(r).get("Body")).code());
    }

    @Override
    public void close() {
        server.stop();
    }
}
