package vn.binhduong.keycloak.it.benchmark.load;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One Keycloak started from a distribution that {@code kc.sh build} already built ({@code start --optimized}, as
 * in production), on loopback ports of its own. Its boot time is what an operator waits for: from the process
 * start to {@code /health/ready} answering 200.
 */
final class KeycloakNode implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-Aa1!";
    /** Quarkus's line once every HTTP listener is up: "Keycloak 26.7.0 on JVM (powered by Quarkus …) started in 12.3s." */
    private static final long READY_POLL_MILLIS = 100;
    private static final Set<String> PROXY_VARIABLES = Set.of("http_proxy", "https_proxy", "no_proxy");
    private static final Pattern STARTED = Pattern.compile("Keycloak \\S+ on JVM .* started in ");

    private final int httpPort = freePort();
    private final int managementPort = freePort();
    private final long startNanos = System.nanoTime();
    private final Process process;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private long bootMillis = -1;

    private KeycloakNode(Path home, List<String> options, Map<String, String> environment, String javaOptions,
                         Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Keycloak's HTTP client obeys http_proxy, https_proxy and no_proxy: the stand-ins are on loopback.
        builder.environment().keySet().removeIf(name -> PROXY_VARIABLES.contains(name.toLowerCase(Locale.ROOT)));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        if (!javaOptions.isBlank()) {
            builder.environment().put("JAVA_OPTS_APPEND", javaOptions);
        }
        process = builder.start();
        copyOutput(log);
    }

    /** Copies the server's output to its log, line by line, and notes the moment Quarkus says it has started. */
    private void copyOutput(Path log) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread copier = new Thread(() -> {
            try (writer; BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    writer.write(line);
                    writer.newLine();
                    if (!started.isDone() && STARTED.matcher(line).find()) {
                        writer.flush();
                        started.complete(null);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
        }, "keycloak-log-" + httpPort);
        copier.setDaemon(true);
        copier.start();
    }

    /** Runs {@code kc.sh build} with these build options; returns its wall time in milliseconds. */
    static long build(Path home, List<String> buildOptions, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(buildOptions);
        long start = System.nanoTime();
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build failed, see " + log);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Starts the server and waits until it is ready. */
    static KeycloakNode start(Path home, List<String> options, Map<String, String> environment, String javaOptions,
                              Path log) throws IOException, InterruptedException {
        KeycloakNode node = new KeycloakNode(home, options, environment, javaOptions, log);
        try {
            node.awaitReady(Duration.ofMinutes(5), log);
        } catch (RuntimeException | IOException | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /**
     * Waits for Quarkus's "started" line (or the process's end), then for {@code /health/ready}: Keycloak 26
     * finishes its bootstrap (schema, realm import, admin user) after HTTP is up, so readiness is read until it says
     * 200, a short tail after a start that took most of the time.
     */
    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            CompletableFuture.anyOf(started, process.onExit()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Keycloak not started within " + timeout + ", see " + log);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of Keycloak, see " + log, e.getCause());
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).build();
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                bootMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                return;
            }
            // Between two reads of the condition.
            TimeUnit.MILLISECONDS.sleep(READY_POLL_MILLIS);
        }
        throw new IllegalStateException(process.isAlive() ? "Keycloak not ready within " + timeout + ", see " + log
                : "Keycloak exited with " + process.exitValue() + ", see " + log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    long bootMillis() {
        return bootMillis;
    }

    /** The JVM that kc.sh started (kc.sh stays as its parent shell). */
    ProcessMeter meter() {
        return ProcessMeter.javaUnder(process.toHandle());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM (Keycloak stops cleanly and a JFR recording is written), SIGKILL after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }
}
