package vn.binhduong.keycloak.otp.sender.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.SecretOption;
import vn.binhduong.keycloak.otp.sender.SmsSendException;

/**
 * A token-first gateway's access token, fetched with the client-credentials grant and kept by the factory (one per
 * node) until shortly before it expires, so a send costs one request, not two. A token the gateway no longer takes
 * (HTTP 401) is dropped, and the next send fetches a new one; nothing is sent twice.
 */
final class GatewayToken {

    /** Fetched again this long before the expiry the gateway gave (or at half the lifetime if shorter). */
    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private record Cached(String token, Instant refreshAt) {
    }

    private final TokenEndpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Supplier<Instant> clock;
    private Cached cached;

    GatewayToken(TokenEndpoint endpoint, HttpClient http, ObjectMapper json, Duration timeout, Supplier<Instant> clock) {
        this.endpoint = endpoint;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The cached token, or a new one. A failure to get one surely sent no message. */
    synchronized String get(KeycloakSession session) throws SmsSendException {
        Instant now = clock.get();
        if (cached == null || !now.isBefore(cached.refreshAt())) {
            cached = fetch(session, now);
        }
        return cached.token();
    }

    /** The gateway refused {@code token}: forget it (unless another send already replaced it). */
    synchronized void refused(String token) {
        if (cached != null && cached.token().equals(token)) {
            cached = null;
        }
    }

    private Cached fetch(KeycloakSession session, Instant now) throws SmsSendException {
        String secret = SecretOption.resolve(session, endpoint.clientSecret());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url()).timeout(timeout);
        if (endpoint.format() == TokenEndpoint.Format.JSON) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("grant_type", "client_credentials");
            body.put("client_id", endpoint.clientId());
            body.put("client_secret", secret);
            if (endpoint.scope() != null) {
                body.put("scope", endpoint.scope());
            }
            body.put("session_id", UUID.randomUUID().toString().replace("-", ""));
            try {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            String form = "grant_type=client_credentials" + (endpoint.scope() == null ? ""
                    : "&scope=" + URLEncoder.encode(endpoint.scope(), StandardCharsets.UTF_8));
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (endpoint.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsSendException("gateway token request failed: " + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException("interrupted while fetching the gateway token", false, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsSendException("gateway token endpoint answered HTTP " + response.statusCode(), false);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new SmsSendException("gateway token answer is not JSON", false);
        }
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new SmsSendException("gateway token answer lacks access_token", false);
        }
        long lifetime = answer.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        long early = Math.min(MARGIN.getSeconds(), lifetime / 2);
        return new Cached(token, now.plusSeconds(lifetime - early));
    }
}
