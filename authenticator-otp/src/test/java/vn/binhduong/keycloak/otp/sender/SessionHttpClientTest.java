package vn.binhduong.keycloak.otp.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.http.HttpSmsSenderFactory;
import vn.binhduong.keycloak.otp.sender.twilio.TwilioSmsSenderFactory;

/**
 * The {@code http} and {@code twilio} providers send through the session's {@link HttpClientProvider}, the client
 * that carries the server's proxy mappings and truststore, and through nothing else.
 */
class SessionHttpClientTest {

    private final List<String> throughKeycloak = new CopyOnWriteArrayList<>();
    private final CloseableHttpClient keycloakClient = HttpClients.custom()
            .addInterceptorFirst((HttpRequestInterceptor) (request, context) ->
                    throughKeycloak.add(request.getRequestLine().getUri()))
            .build();
    private WireMockServer gateway;

    @BeforeEach
    void startGateway() {
        gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.stop();
        keycloakClient.close();
    }

    @Test
    void theHttpProviderSendsThroughKeycloaksClient() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/sms")).willReturn(okJson("{\"status\":\"ok\"}")));
        HttpSmsSenderFactory factory = new HttpSmsSenderFactory();
        factory.init(new MapScope(Map.of("url", gateway.baseUrl() + "/sms", "body-template", "{\"to\":\"{phone}\"}")));

        factory.create(session()).send("+84326926565", "Mã xác thực 012345", "012345");

        assertThat(throughKeycloak).containsExactly("/sms");
        assertThat(gateway.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void theTwilioProviderSendsThroughKeycloaksClient() throws Exception {
        gateway.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/AC1/Messages.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
        TwilioSmsSenderFactory factory = new TwilioSmsSenderFactory();
        factory.init(new MapScope(Map.of("account-sid", "AC1", "auth-token", "token", "messaging-service-sid", "MG1",
                "api-base-url", gateway.baseUrl())));

        factory.create(session()).send("+84326926565", "Mã xác thực 012345");

        assertThat(throughKeycloak).containsExactly("/2010-04-01/Accounts/AC1/Messages.json");
    }

    /** A session whose HTTP client provider hands out {@link #keycloakClient}; no realm, so no vault. */
    private KeycloakSession session() {
        HttpClientProvider provider = new HttpClientProvider() {
            @Override
            public CloseableHttpClient getHttpClient() {
                return keycloakClient;
            }

            @Override
            public int postText(String uri, String text) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getString(String uri) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InputStream getInputStream(String uri) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        // No realm in context: secrets are taken as written (no vault).
        KeycloakContext context = (KeycloakContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeycloakContext.class}, (proxy, method, args) -> null);
        return (KeycloakSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProvider" -> args[0] == HttpClientProvider.class ? provider : null;
                    case "getContext" -> context;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
