package vn.binhduong.keycloak.otp.sender;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.connections.httpclient.SafeInputStream;
import org.keycloak.models.KeycloakSession;

/**
 * One HTTP exchange with an SMS gateway through Keycloak's HTTP client, so the server's proxy mappings, truststore
 * and client certificate apply. The provider's send timeout bounds the wait for a pooled connection, the connect
 * and every wait for the gateway's bytes, so a stalled gateway frees the worker thread after that long.
 */
public final class GatewayHttp {

    /** The gateway's HTTP status and its body, read up to Keycloak's response size limit. */
    public record Answer(int status, String body) {
    }

    private final CloseableHttpClient client;
    private final RequestConfig timeouts;
    private final long maxAnswerBytes;

    public GatewayHttp(CloseableHttpClient client, Duration timeout, long maxAnswerBytes) {
        int millis = Math.toIntExact(timeout.toMillis());
        this.client = client;
        this.timeouts = RequestConfig.custom().setConnectionRequestTimeout(millis).setConnectTimeout(millis)
                .setSocketTimeout(millis).setRedirectsEnabled(false).build();
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** The session's client ({@code connections-http-client} SPI); never closed here, Keycloak owns it. */
    public static GatewayHttp of(KeycloakSession session, Duration timeout) {
        HttpClientProvider provider = session.getProvider(HttpClientProvider.class);
        return new GatewayHttp(provider.getHttpClient(), timeout, provider.getMaxConsumedResponseSize());
    }

    public Answer send(HttpUriRequest request) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(timeouts);
        try (CloseableHttpResponse response = client.execute(request, context)) {
            return new Answer(response.getStatusLine().getStatusCode(), body(response.getEntity()));
        }
    }

    /** Whether the failure happened before any byte of the request could reach the gateway (failover is safe). */
    public static boolean neverReachedGateway(IOException failure) {
        // ConnectTimeoutException also covers the wait for a pooled connection.
        return failure instanceof ConnectTimeoutException || failure instanceof ConnectException
                || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException;
    }

    /** Whether the gateway took the request and then said nothing for the whole timeout. */
    public static boolean answerTimedOut(IOException failure) {
        return failure instanceof SocketTimeoutException;
    }

    private String body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        ContentType type = ContentType.get(entity);
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        try (SafeInputStream in = new SafeInputStream(entity.getContent(), maxAnswerBytes)) {
            return new String(in.readAllBytes(), charset);
        }
    }
}
