package vn.binhduong.keycloak.standins.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy forwards and records, and otherwise behaves as the target would: a reset stays a reset. */
class ForwardProxyTest {

    private WireMockServer target;
    private ForwardProxy proxy;
    private HttpClient client;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        target.start();
        proxy = ForwardProxy.start();
        client = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))).build();
    }

    @AfterEach
    void stop() {
        proxy.close();
        target.stop();
    }

    private HttpResponse<String> send(String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestIsForwardedWithItsBodyAndRecorded() throws Exception {
        target.stubFor(post(urlEqualTo("/sms?x=1")).withRequestBody(equalTo("{\"to\":\"0326926565\"}"))
                .willReturn(okJson("{\"status\":\"ok\"}")));

        HttpResponse<String> answer = send(target.baseUrl() + "/sms?x=1", "{\"to\":\"0326926565\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(proxy.forwardedTo(target.baseUrl() + "/sms")).isEqualTo(1);
        assertThat(proxy.forwarded()).containsExactly(new ForwardProxy.Forwarded("POST", URI.create(target.baseUrl() + "/sms?x=1")));
        target.verify(1, postRequestedFor(urlEqualTo("/sms?x=1")));
    }

    @Test
    void aTargetThatResetsTheConnectionResetsTheCallerToo() throws Exception {
        try (ServerSocket resetting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread target = new Thread(() -> resetEach(resetting));
            target.setDaemon(true);
            target.start();
            String url = "http://127.0.0.1:" + resetting.getLocalPort() + "/sms";

            assertThatThrownBy(() -> send(url, "{}")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(HttpTimeoutException.class);
            assertThat(proxy.forwardedTo(url)).isPositive();
        }
    }

    /** Reads each request's first bytes, then resets the connection without an answer. */
    private static void resetEach(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                connection.getInputStream().read(new byte[1024]);
                connection.setSoLinger(true, 0);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void aTargetThatRefusesTheConnectionGets502FromTheProxy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(send("http://127.0.0.1:" + closedPort + "/sms", "{}").statusCode()).isEqualTo(502);
    }
}
