package vn.binhduong.keycloak.otp.sender.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.SecretOption;
import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SmsSender;

/** A Vietnamese brandname gateway reached by one configurable HTTP request. */
final class HttpSmsSender implements SmsSender {

    private final KeycloakSession session;
    private final HttpGatewayConfig config;
    private final HttpClient http;
    private final ObjectMapper json;

    HttpSmsSender(KeycloakSession session, HttpGatewayConfig config, HttpClient http, ObjectMapper json) {
        this.session = session;
        this.config = config;
        this.http = http;
        this.json = json;
    }

    @Override
    public void send(String phoneE164, String text) throws SmsSendException {
        HttpResponse<String> response;
        try {
            response = http.send(request(phoneE164, text), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new SmsSendException("gateway connection timed out", false, e);
        } catch (HttpTimeoutException e) {
            throw new SmsSendException("gateway did not answer within " + config.timeout().toMillis() + " ms", true, e);
        } catch (java.net.ConnectException e) {
            throw new SmsSendException("gateway refused the connection", false, e);
        } catch (IOException e) {
            throw new SmsSendException("gateway I/O error: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException("interrupted while sending", true, e);
        }
        if (!config.successStatuses().contains(response.statusCode())) {
            throw new SmsSendException("gateway answered HTTP " + response.statusCode(), false);
        }
        if (config.successJsonPointer() != null) {
            checkJsonField(response.body());
        }
    }

    private void checkJsonField(String body) throws SmsSendException {
        JsonNode field;
        try {
            field = json.readTree(body).at(config.successJsonPointer());
        } catch (IOException e) {
            throw new SmsSendException("gateway answer is not JSON", true);
        }
        if (field.isMissingNode()) {
            throw new SmsSendException("gateway answer lacks " + config.successJsonPointer(), true);
        }
        if (config.successJsonValue() != null && !config.successJsonValue().equals(field.asText())) {
            throw new SmsSendException("gateway refused the message (" + config.successJsonPointer() + " = "
                    + field.asText() + ")", false);
        }
    }

    private HttpRequest request(String phoneE164, String text) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .header("Content-Type", config.contentType() + "; charset=UTF-8");
        config.headers().forEach(request::header);
        String secret = SecretOption.resolve(session, config.secret());
        switch (config.authType()) {
            case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((config.username() + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> request.header("Authorization", "Bearer " + secret);
            case NONE -> { }
        }
        String body = config.bodyTemplate()
                .replace("{phone}", escape(config.phoneFormat().format(phoneE164)))
                .replace("{brandname}", escape(config.brandname()))
                .replace("{message}", escape(text));
        return request.method(config.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Placeholders are escaped for the body's own syntax, so a message cannot break the request. */
    private String escape(String value) {
        if (config.contentType().contains("json")) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
        if (config.contentType().contains("x-www-form-urlencoded")) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        return value;
    }
}
