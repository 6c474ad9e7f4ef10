package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * phone, so that reading a code costs the same after ten thousand messages as after one. While {@link #stall} is
 * on, phones whose national form starts with {@link #STALLED_PREFIX} get their answer only after three times
 * Keycloak's send timeout; while it is off they are answered as every other phone.
 */
final class SmsInbox implements AutoCloseable {

    static final String TOKEN = "bench-gateway-token";
    static final int TIMEOUT_MS = 4000;
    static final String STALLED_PREFIX = "0399";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "{\"status\":\"ok\",\"id\":\"bench\"}";

    /** A code and its arrival number, so a reader can tell a new code from the previous one. */
    record Sms(long sequence, String code) {
    }

    /** Guarded by itself: a reader waits on it for the next SMS. */
    private final Map<String, Sms> last = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    /** Sends the stalled answers when they are due. */
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();
    private final HttpServer server;
    private volatile boolean stalling;

    SmsInbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/sms", this::receive);
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

    /** From now on the {@link #STALLED_PREFIX} phones' sends stall (true) or are answered at once (false). */
    void stall(boolean on) {
        stalling = on;
    }

    /** The last SMS to this national number, or null. */
    Sms last(String nationalPhone) {
        synchronized (last) {
            return last.get(nationalPhone);
        }
    }

    /** Waits (woken by each arrival) for an SMS newer than {@code before} (null: any), at most 10 s. */
    String awaitCodeAfter(String nationalPhone, Sms before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (last) {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                Sms sms = last.get(nationalPhone);
                if (sms != null && (before == null || sms.sequence() > before.sequence())) {
                    return sms.code();
                }
                TimeUnit.NANOSECONDS.timedWait(last, left);
            }
        }
        throw new IllegalStateException("no SMS reached the gateway for " + nationalPhone);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"status\":\"unauthorized\"}");
                return;
            }
            JsonNode body = JSON.readTree(in);
            String to = body.path("to").asText();
            Matcher code = CODE.matcher(body.path("text").asText());
            if (code.find()) {
                synchronized (last) {
                    last.put(to, new Sms(sequence.incrementAndGet(), code.group(1)));
                    last.notifyAll();
                }
            }
            if (stalling && to.startsWith(STALLED_PREFIX)) {
                // The stall: the answer leaves three times too late (the sender has given up by then), no thread held.
                late.schedule(() -> answerLate(exchange), TIMEOUT_MS * 3L, TimeUnit.MILLISECONDS);
            } else {
                answer(exchange, 200, OK);
            }
        }
    }

    private static void answerLate(HttpExchange exchange) {
        try {
            answer(exchange, 200, OK);
        } catch (IOException senderGone) {
            // Keycloak's sender closed the connection at its timeout, as it should.
            exchange.close();
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
        // Their threads would keep the JVM alive for another minute.
        handlers.shutdownNow();
        late.shutdownNow();
    }
}
