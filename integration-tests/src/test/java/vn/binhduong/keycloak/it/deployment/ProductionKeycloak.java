package vn.binhduong.keycloak.it.deployment;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;

/**
 * A Keycloak distribution of its own, set up the way the runbook tells an operator to: {@code install-bundle.sh},
 * {@code kc.sh build} for PostgreSQL with health and metrics, then {@code kc.sh start --optimized} with hostname
 * settings and HTTP on loopback. Each start writes its own log, so a restart can be read apart from the first.
 */
final class ProductionKeycloak implements KeycloakUnderTest, AutoCloseable {

    /** The variables Keycloak's default HTTP client reads when no proxy mappings are set (either case). */
    private static final Set<String> PROXY_VARIABLES = Set.of("http_proxy", "https_proxy", "no_proxy");

    private final Path home;
    private final Path logDir;
    private final String jdbcUrl;
    private final String hostname;
    private final int httpPort = freePort();
    private final int managementPort = freePort();
    private final int clusterPort = clusterPort();
    private final String adminPassword = UUID.randomUUID().toString();
    private Process process;
    private Path log;

    ProductionKeycloak(Path home, Path logDir, String jdbcUrl) {
        this(home, logDir, jdbcUrl, null);
    }

    /** A node behind a load balancer: {@code hostname} is the URL the users reach (null: this node's own URL). */
    ProductionKeycloak(Path home, Path logDir, String jdbcUrl, String hostname) {
        this.home = home;
        this.logDir = logDir;
        this.jdbcUrl = jdbcUrl;
        this.hostname = hostname;
    }

    void install(String installScript, String bundleDir) throws Exception {
        run(List.of("bash", installScript, home.toString(), bundleDir), "install-bundle.sh");
    }

    void build(Map<String, String> serverOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", kcSh(), "build", "--db=postgres",
                "--health-enabled=true", "--metrics-enabled=true", "--features=" + KeycloakServer.DECLARATIVE_UI));
        serverOptions.forEach((key, value) -> {
            if (isBuildTimeOption(key)) {
                command.add("--" + key + "=" + value);
            }
        });
        run(command, "kc.sh build");
    }

    /** SPI provider choices are build-time options: an operator gives them to {@code kc.sh build}, not to the start. */
    private static boolean isBuildTimeOption(String key) {
        return key.endsWith("--provider") || key.endsWith("--provider-default");
    }

    /** Starts {@code kc.sh start --optimized --import-realm}; the caller waits with {@link #awaitReady} or {@link #awaitExit}. */
    void start(String logName, Map<String, String> environment, Map<String, String> extraOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", kcSh(), "start", "--optimized", "--import-realm",
                "--hostname=" + (hostname == null ? baseUrl() : hostname), "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--db-url=" + jdbcUrl, "--db-username=postgres", "--db-password=postgres",
                // Keycloak's own clustering (Infinispan, JGroups jdbc-ping through PostgreSQL), kept on loopback.
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort));
        extraOptions.forEach((key, value) -> {
            if (!isBuildTimeOption(key)) {
                command.add("--" + key + "=" + value);
            }
        });
        log = logDir.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the test hands over: a BD_* variable of the machine running the build must not leak in, nor
        // a proxy, which Keycloak's HTTP client would use (http_proxy, …) for the stand-ins on loopback.
        builder.environment().keySet().removeIf(name -> name.startsWith("BD_") || PROXY_VARIABLES.contains(name.toLowerCase(Locale.ROOT)));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().putAll(environment);
        process = builder.start();
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        boolean up = Eventually.poll(timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYetListening) {
                return false;
            }
        }, Boolean::booleanValue);
        if (!up) {
            throw new IllegalStateException("Keycloak not ready within " + timeout + ":\n" + logTail());
        }
    }

    /** @return the exit code of a start that is expected to give up on its own */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Keycloak still running after " + timeout + ":\n" + logTail());
        }
        return process.exitValue();
    }

    /** Stops the server as an init system does (SIGTERM), so the next start finds the database and ports free. */
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /**
     * Kills the server as a crash does (SIGKILL): no shutdown, no leaving the cluster. {@code kc.sh} runs Java as its
     * child, so the JVM is killed first, while it is still a descendant of the script.
     */
    void kill() throws Exception {
        List<ProcessHandle> jvm = process.descendants().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle handle : jvm) {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The {@code kc.sh} process of the last start (Java runs as its child). */
    ProcessHandle process() {
        return process.toHandle();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private String kcSh() {
        return home.resolve("bin/kc.sh").toString();
    }

    private void run(List<String> command, String what) throws Exception {
        Path output = logDir.resolve(what.replace(' ', '-') + ".log");
        Process step = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!step.waitFor(10, TimeUnit.MINUTES) || step.exitValue() != 0) {
            throw new IllegalStateException(what + " failed:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * A free JGroups port whose failure-detection twin (FD_SOCK2, 50000 above it) is free and exists: a port from
     * the ephemeral range would put that twin past 65535.
     */
    private static int clusterPort() {
        for (int port = 7800 + ThreadLocalRandom.current().nextInt(7000); port < 15535; port++) {
            if (free(port) && free(port + 50000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free JGroups port below 15535");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
