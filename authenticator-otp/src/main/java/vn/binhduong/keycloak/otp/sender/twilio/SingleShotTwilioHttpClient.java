package vn.binhduong.keycloak.otp.sender.twilio;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;

/**
 * The Twilio SDK's transport, replaced for one message: exactly one attempt (the SDK's own
 * {@code reliableRequest} tries again on any 5xx, which could send an SMS twice), Keycloak's HTTP client with
 * the send timeout (so the server's proxy and truststore apply), and an overridable API base URL so that tests
 * aim at a loopback stand-in. It remembers the status Twilio answered, so the sender knows whether the message
 * may have been queued. One instance per message (the SDK's client classes keep per-request state).
 */
final class SingleShotTwilioHttpClient extends HttpClient {

    private final URI apiBase;
    private final GatewayHttp http;
    private Integer answeredStatus;

    SingleShotTwilioHttpClient(URI apiBase, GatewayHttp http) {
        this.apiBase = apiBase;
        this.http = http;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        if (answeredStatus != null) {
            throw new IllegalStateException("one request per transport");
        }
        RequestBuilder builder = RequestBuilder.create(request.getMethod().toString())
                .setUri(target(URI.create(request.constructURL().toString())))
                .setHeader("Accept", "application/json")
                .setHeader("Content-Type", "application/x-www-form-urlencoded");
        if (request.requiresAuthentication()) {
            builder.setHeader("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        String body = request.encodeFormBody();
        if (body != null && !body.isEmpty()) {
            builder.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            GatewayHttp.Answer response = http.send(builder.build());
            answeredStatus = response.status();
            return new Response(response.body(), response.status(), new Header[0]);
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio request failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The HTTP status Twilio answered, or null when no answer came. */
    Integer answeredStatus() {
        return answeredStatus;
    }

    /** The SDK's URL (always https://api.twilio.com/…) moved to the configured base, path and query kept. */
    private URI target(URI sdkUrl) {
        String base = apiBase.toString().replaceAll("/+$", "");
        return URI.create(base + sdkUrl.getRawPath() + (sdkUrl.getRawQuery() == null ? "" : "?" + sdkUrl.getRawQuery()));
    }
}
