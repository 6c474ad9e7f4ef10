package vn.binhduong.keycloak.standins.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import vn.binhduong.keycloak.standins.StandIn;

/**
 * The outbound HTTP proxy of a government network, on loopback: Keycloak's HTTP client is told to reach
 * {@code 127.0.0.1} (every stand-in) through it, with {@code connections-http-client} proxy mappings. It forwards
 * plain-HTTP requests in absolute form and records each one, so a test can tell which calls went through
 * Keycloak's client. Otherwise it is transparent: each request gets its own upstream connection, bytes are passed
 * as they come (a stalled stand-in stalls the caller), and an upstream that resets or closes without an answer
 * makes the proxy reset its caller too. Only a target that refuses the connection gets an answer of the proxy's
 * own, 502, as a real proxy gives. HTTPS ({@code CONNECT}) is not needed by the stand-ins and is refused.
 */
public final class ForwardProxy implements StandIn {

    /** The host pattern Keycloak's proxy mappings match (a regular expression; the dots match themselves too). */
    public static final String PROXIED_HOSTS = "127.0.0.1";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "te", "upgrade");
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** One request the proxy forwarded: its method and absolute URL. */
    public record Forwarded(String method, URI url) {
    }

    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

    private ForwardProxy(ServerSocket listener) {
        this.listener = listener;
    }

    public static ForwardProxy start() {
        try {
            ForwardProxy proxy = new ForwardProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            proxy.connections.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("forward proxy could not listen", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Keycloak's HTTP client reaches every loopback stand-in through this proxy. */
    @Override
    public Map<String, String> serverOptions() {
        return Map.of("spi-connections-http-client--default--proxy-mappings",
                PROXIED_HOSTS + ";http://127.0.0.1:" + port());
    }

    /** Every request forwarded so far, oldest first. */
    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    /** How many forwarded requests went to a URL starting with {@code urlPrefix}. */
    public long forwardedTo(String urlPrefix) {
        return forwarded.stream().filter(request -> request.url().toString().startsWith(urlPrefix)).count();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket caller = listener.accept();
                connections.execute(() -> serve(caller));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket caller) {
        try (caller) {
            InputStream fromCaller = caller.getInputStream();
            String[] head = readHead(fromCaller);
            if (head == null) {
                return;
            }
            String[] requestLine = head[0].split(" ");
            if (requestLine.length != 3 || !requestLine[1].startsWith("http://")) {
                answer(caller, "405 Method Not Allowed");
                return;
            }
            URI url = URI.create(requestLine[1]);
            forwarded.add(new Forwarded(requestLine[0], url));
            Socket target = new Socket();
            try {
                target.connect(new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort()), 5000);
            } catch (IOException refused) {
                target.close();
                answer(caller, "502 Bad Gateway");
                return;
            }
            try (target) {
                String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                target.getOutputStream().write(rewrite(requestLine[0] + " " + path + " " + requestLine[2], head));
                connections.execute(() -> pumpThenClose(fromCaller, target, caller));
                relayAnswer(target, caller);
            }
        } catch (IOException callerGone) {
            // the caller timed out or closed: nothing left to forward
        }
    }

    /** The answer's head with its own connection handling, then its bytes as they come; a broken upstream resets the caller. */
    private static void relayAnswer(Socket target, Socket caller) throws IOException {
        InputStream fromTarget = target.getInputStream();
        String[] head;
        try {
            head = readHead(fromTarget);
        } catch (IOException reset) {
            head = null;
        }
        if (head == null) {
            caller.setSoLinger(true, 0);
            return;
        }
        OutputStream toCaller = caller.getOutputStream();
        toCaller.write(rewrite(head[0], head));
        fromTarget.transferTo(toCaller);
        toCaller.flush();
    }

    /** The request body (whatever the caller sends after the head) to the target, until the caller is done. */
    private static void pumpThenClose(InputStream fromCaller, Socket target, Socket caller) {
        try {
            fromCaller.transferTo(target.getOutputStream());
        } catch (IOException closed) {
            // either side closed
        } finally {
            closeQuietly(target);
            closeQuietly(caller);
        }
    }

    /** A head with {@code firstLine}, the same headers less the hop-by-hop ones, and one request per connection. */
    private static byte[] rewrite(String firstLine, String[] head) {
        StringBuilder out = new StringBuilder(firstLine).append("\r\n");
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0 && !HOP_BY_HOP.contains(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
                out.append(head[i]).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The lines of a head up to the blank line, reading no byte past it; null at end of stream before any byte. */
    private static String[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("head cut short");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("head too large");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1).trim().split("\r\n");
    }

    private static void answer(Socket caller, String status) throws IOException {
        caller.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        connections.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
