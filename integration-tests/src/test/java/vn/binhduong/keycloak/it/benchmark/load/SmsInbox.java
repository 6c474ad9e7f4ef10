package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The SMS gateway of the {@code http} sms-sender, on loopback, for the load: the same contract as the tests'
 * WireMock stand-in ({@code POST /sms}, bearer token, {@code {"status":"ok"}}), but it keeps only the last code per
 * phone, so that reading a code costs the same after ten thousand messages as after one. Phones whose national
 * form starts with {@link #STALLED_PREFIX} get their answer only after three times Keycloak's send timeout.
 */
final class SmsInbox implements AutoCloseable {

    static final String TOKEN = "bench-gateway-token";
    static final int TIMEOUT_MS = 4000;
    static final String STALLED_PREFIX = "0399";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A code and its arrival number, so a reader can tell a new code from the previous one. */
    record Sms(long sequence, String code) {
    }

    private final Map<String, Sms> last = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpServer server;

    SmsInbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/sms", this::receive);
        // Stalled answers each hold a thread; they must not hold up the others.
        server.setExecutor(handlers);
        server.start();
    }

    /** kc.sh options of the {@code http} sender aimed at this gateway (provider choice is given to the build). */
    Map<String, String> serverOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("spi-sms-sender--http--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
        options.put("spi-sms-sender--http--auth", "bearer");
        options.put("spi-sms-sender--http--secret", TOKEN);
        options.put("spi-sms-sender--http--brandname", "BINHDUONG");
        options.put("spi-sms-sender--http--phone-format", "national");
        options.put("spi-sms-sender--http--success-json-field", "status");
        options.put("spi-sms-sender--http--success-json-value", "ok");
        options.put("spi-sms-sender--http--timeout-ms", Integer.toString(TIMEOUT_MS));
        return options;
    }

    /** The last SMS to this national number, or null. */
    Sms last(String nationalPhone) {
        return last.get(nationalPhone);
    }

    /** Waits for an SMS newer than {@code before} (null: any). */
    String awaitCodeAfter(String nationalPhone, Sms before) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Sms sms = last.get(nationalPhone);
            if (sms != null && (before == null || sms.sequence() > before.sequence())) {
                return sms.code();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no SMS reached the gateway for " + nationalPhone);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"status\":\"unauthorized\"}");
                return;
            }
            JsonNode body = JSON.readTree(in);
            String to = body.path("to").asText();
            if (to.startsWith(STALLED_PREFIX)) {
                Thread.sleep(TIMEOUT_MS * 3L);
            }
            Matcher code = CODE.matcher(body.path("text").asText());
            if (code.find()) {
                last.put(to, new Sms(sequence.incrementAndGet(), code.group(1)));
            }
            answer(exchange, 200, "{\"status\":\"ok\",\"id\":\"bench\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        // Its threads would keep the JVM alive for another minute.
        handlers.shutdownNow();
    }
}
