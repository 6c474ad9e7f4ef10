package vn.binhduong.keycloak.otp.sender.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's transport, replaced: one attempt per message (the SDK's own client retries on 5xx, which could
 * send an SMS twice), a timeout, and an overridable API base URL so tests can aim at a loopback stand-in.
 */
final class SingleShotTwilioHttpClient extends HttpClient {

    private final URI apiBase;
    private final Duration timeout;
    private final java.net.http.HttpClient http;

    SingleShotTwilioHttpClient(URI apiBase, Duration timeout, java.net.http.HttpClient http) {
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.http = http;
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI sdkUrl = URI.create(request.constructURL().toString());
        URI target = apiBase.resolve(sdkUrl.getRawPath() + (sdkUrl.getRawQuery() == null ? "" : "?" + sdkUrl.getRawQuery()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
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
            return new Response(response.body(), response.statusCode());
        } catch (HttpTimeoutException e) {
            throw new ApiConnectionException("Twilio did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio I/O error: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted", e);
        }
    }
}
