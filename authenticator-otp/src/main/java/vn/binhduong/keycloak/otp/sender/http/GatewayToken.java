package vn.binhduong.keycloak.otp.sender.http;

import java.io.IOException;
import java.net.URLEncoder;
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
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;
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
    private final ObjectMapper json;
    private final Supplier<Instant> clock;
    private Cached cached;

    GatewayToken(TokenEndpoint endpoint, ObjectMapper json, Supplier<Instant> clock) {
        this.endpoint = endpoint;
        this.json = json;
        this.clock = clock;
    }

    /** The cached token, or a new one fetched through {@code http}. A failure to get one surely sent no message. */
    synchronized String get(KeycloakSession session, GatewayHttp http) throws SmsSendException {
        Instant now = clock.get();
        if (cached == null || !now.isBefore(cached.refreshAt())) {
            cached = fetch(session, http, now);
        }
        return cached.token();
    }

    /** The gateway refused {@code token}: forget it (unless another send already replaced it). */
    synchronized void refused(String token) {
        if (cached != null && cached.token().equals(token)) {
            cached = null;
        }
    }

    private Cached fetch(KeycloakSession session, GatewayHttp http, Instant now) throws SmsSendException {
        String secret = SecretOption.resolve(session, endpoint.clientSecret());
        RequestBuilder request = RequestBuilder.post(endpoint.url());
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
                request.setHeader("Content-Type", "application/json")
                        .setEntity(new ByteArrayEntity(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            String form = "grant_type=client_credentials" + (endpoint.scope() == null ? ""
                    : "&scope=" + URLEncoder.encode(endpoint.scope(), StandardCharsets.UTF_8));
            request.setHeader("Content-Type", "application/x-www-form-urlencoded")
                    .setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (endpoint.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .setEntity(new ByteArrayEntity(form.getBytes(StandardCharsets.UTF_8)));
        }
        GatewayHttp.Answer response;
        try {
            response = http.send(request.build());
        } catch (IOException e) {
            throw new SmsSendException("gateway token request failed: " + e.getClass().getSimpleName(), false, e);
        }
        if (response.status() / 100 != 2) {
            throw new SmsSendException("gateway token endpoint answered HTTP " + response.status(), false);
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
