package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Keycloak started from a distribution that {@code kc.sh build} already built ({@code start --optimized}, as
 * in production), on loopback ports of its own. Its boot time is what an operator waits for: from the process
 * start to {@code /health/ready} answering 200.
 */
final class KeycloakNode implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-Aa1!";

    private final int httpPort = freePort();
    private final int managementPort = freePort();
    private final long startNanos = System.nanoTime();
    private final Process process;
    private long bootMillis = -1;

    private KeycloakNode(Path home, List<String> options, Map<String, String> environment, String javaOptions,
                         Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        if (!javaOptions.isBlank()) {
            builder.environment().put("JAVA_OPTS_APPEND", javaOptions);
        }
        process = builder.start();
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

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    bootMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                    return;
                }
            } catch (IOException notYetListening) {
                // polled again until the deadline
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout + ", see " + log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    long bootMillis() {
        return bootMillis;
    }

    /** The JVM that kc.sh started (kc.sh stays as its parent shell). */
    ProcessMeter meter() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().map(p -> new ProcessMeter(p.pid()))
                .orElseThrow(() -> new IllegalStateException("no java process under kc.sh " + process.pid()));
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
