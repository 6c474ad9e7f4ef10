package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Keycloak distribution from Maven Central, with our bundle installed by {@code scripts/install-bundle.sh}
 * (as an operator does), the realm imported from {@code data/import}, started as a process on loopback.
 * Booted once per test run by {@link KeycloakExtension}; every test class shares it.
 */
public final class KeycloakServer implements KeycloakUnderTest, AutoCloseable {

    /** The feature behind the admin console's "direct login" tab; a build-time option like in production. */
    public static final String DECLARATIVE_UI = "declarative-ui";

    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private final String adminPassword = UUID.randomUUID().toString();
    private final String motcuaSecret = UUID.randomUUID().toString();
    private Process process;

    private KeycloakServer(Path home, Path log) {
        this.home = home;
        this.log = log;
        this.httpPort = freePort();
        this.managementPort = freePort();
    }

    static KeycloakServer start(StandIns standIns) throws Exception {
        Path home = Path.of(System.getProperty("bd.keycloak.home"));
        Path buildDir = Path.of(System.getProperty("bd.build.dir"));
        KeycloakServer server = new KeycloakServer(home, buildDir.resolve("keycloak-server.log"));
        server.install();
        server.launch(standIns);
        return server;
    }

    private void install() throws Exception {
        Process install = new ProcessBuilder("bash", System.getProperty("bd.install.script"), home.toString(),
                System.getProperty("bd.bundle.dir")).inheritIO().start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("install-bundle.sh failed");
        }
        // Test-only providers (the clock of ServerClock): this server only, never the bundle or the image.
        try (var jars = Files.newDirectoryStream(Path.of(System.getProperty("bd.test.providers.dir")), "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void launch(StandIns standIns) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--cache=local", "--features=" + DECLARATIVE_UI,
                // The outbox's reading page, off by default (it has no login), for SmsOutboxPageIT.
                "--spi-sms-sender--outbox--page=true",
                // /metrics on the management port, with Keycloak's user-event meters beside ours, for MetricsIT.
                "--metrics-enabled=true", "--event-metrics-user-enabled=true"));
        standIns.serverOptions().forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(standIns));
        process = builder.start();
        // The first start builds the server with our providers: minutes on a busy two-core machine.
        awaitReady(Duration.ofMinutes(20));
    }

    /** Environment as the realm file expects it: secrets and site URLs are never committed. */
    public Map<String, String> environment(StandIns standIns) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("BD_MOTCUA_CLIENT_SECRET", motcuaSecret);
        env.put("BD_MOTCUA_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*");
        env.put("BD_DICHVUCONG_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*");
        env.putAll(standIns.environment());
        return env;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        boolean up = Eventually.poll(timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYetListening) {
                return false;
            }
        }, Boolean::booleanValue);
        if (!up) {
            // Not left running behind the failed test run.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw new IllegalStateException("Keycloak not ready within " + timeout + ":\n" + logTail());
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    /** The management interface: {@code /health}, {@code /metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String motcuaSecret() {
        return motcuaSecret;
    }

    public Path home() {
        return home;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
