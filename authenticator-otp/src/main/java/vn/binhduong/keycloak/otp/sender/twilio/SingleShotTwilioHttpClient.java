package vn.binhduong.keycloak.otp.sender.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;

/**
 * The Twilio SDK's transport, replaced for one message: exactly one attempt (the SDK's own
 * {@code reliableRequest} tries again on any 5xx, which could send an SMS twice), the send timeout, and an
 * overridable API base URL so that tests aim at a loopback stand-in. It remembers the status Twilio answered, so
 * the sender knows whether the message may have been queued. One instance per message (the SDK's client
 * classes keep per-request state); the JDK client underneath is shared.
 */
final class SingleShotTwilioHttpClient extends HttpClient {

    private final URI apiBase;
    private final Duration timeout;
    private final java.net.http.HttpClient http;
    private Integer answeredStatus;

    SingleShotTwilioHttpClient(URI apiBase, Duration timeout, java.net.http.HttpClient http) {
        this.apiBase = apiBase;
        this.timeout = timeout;
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(URI.create(request.constructURL().toString())))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        String body = request.encodeFormBody();
        builder.method(request.getMethod().toString(), body == null || body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answeredStatus = response.statusCode();
            return new Response(response.body(), response.statusCode(), new Header[0]);
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio request failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while calling Twilio", e);
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
