package vn.binhduong.keycloak.it.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A reverse proxy on loopback in front of the cluster, without sticky sessions: every request goes to the node the
 * test last chose, whatever node served the browser before, so a test decides which node handles each step.
 * Requests and answers pass unchanged (cookies included); the nodes' {@code --hostname} is this proxy's URL.
 */
final class LoadBalancer implements AutoCloseable {

    /** Headers that belong to one connection, and those Java's HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "via", "warning");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private volatile String backend;

    private LoadBalancer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
    }

    static LoadBalancer start() throws IOException {
        LoadBalancer balancer = new LoadBalancer();
        balancer.server.start();
        return balancer;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request from now on goes to this node. */
    void sendTo(ProductionKeycloak node) {
        backend = node.baseUrl();
    }

    /** How many requests this node has answered through the proxy. */
    int served(ProductionKeycloak node) {
        return served.computeIfAbsent(node.baseUrl(), key -> new AtomicInteger()).get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        String target = backend;
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] sent = body.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), sent.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(sent));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException nodeDown) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            served.computeIfAbsent(target, key -> new AtomicInteger()).incrementAndGet();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + target, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
