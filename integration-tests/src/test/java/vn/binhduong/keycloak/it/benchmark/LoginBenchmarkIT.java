package vn.binhduong.keycloak.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.models.utils.TimeBasedOTP;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Measures our two-factor login (direct-login form, then the SMS code read from the stand-in gateway) side by side
 * with stock Keycloak's equivalent (username/password form, then a TOTP code, on the stock keycloak.v2 theme), in
 * the same server and the same run, interleaved so both see the same machine load. It writes a table to
 * {@code target/benchmark/login-benchmark.md}; it asserts that every login succeeds, never a duration.
 */
@ExtendWith(KeycloakExtension.class)
class LoginBenchmarkIT {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 30;
    private static final String PASSWORD = "Abc@12345";
    private static final String REALM = "/realms/" + KeycloakUnderTest.REALM;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;
    private final DirectLoginApi directLogin;

    LoginBenchmarkIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = standIns.smsGateway();
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    @AfterAll
    static void closeTheSwitch(KeycloakServer keycloak, AdminApi admin) throws Exception {
        new DirectLoginApi(keycloak, admin).switchOff();
    }

    @Test
    void ourSmsLoginAndStockTotpLoginSideBySide() throws Exception {
        String ours = clientWithFlow("bench-ours", List.of("bd-direct-login-form", "bd-sms-otp"),
                Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsCode.phoneHourlyCap", "100"), null);
        String stock = clientWithFlow("bench-stock", List.of("auth-username-password-form", "auth-otp-form"),
                Map.of(), "keycloak.v2");
        directLogin.switchOn("benchmark");
        Latencies oursTimes = new Latencies("ours: ID number + password, SMS OTP (" + ours + ")");
        Latencies stockTimes = new Latencies("stock: username + password, TOTP (" + stock + ")");

        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long oursNanos = smsLogin(ours);
            long stockNanos = totpLogin(stock);
            if (i >= WARM_UP) {
                oursTimes.add(oursNanos);
                stockTimes.add(stockNanos);
            }
        }

        String table = Latencies.markdownHeader() + "\n" + oursTimes.markdownRow() + "\n" + stockTimes.markdownRow() + "\n";
        Path report = Path.of("target", "benchmark", "login-benchmark.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Login latency, same server, same run (" + MEASURED + " logins each after "
                + WARM_UP + " warm-up)\n\n" + table, StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(oursTimes.count()).isEqualTo(MEASURED);
        assertThat(stockTimes.count()).isEqualTo(MEASURED);
    }

    /** From the authorization request to the redirect back to the app, the SMS read from the gateway. */
    private long smsLogin(String clientId) throws Exception {
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "+8432" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        OtpPhones.createUser(admin, username, PASSWORD, "Nguyễn", "Văn Đo", phone, "/can-bo-mot-cua");
        Browser browser = new Browser(keycloak.baseUrl());
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), clientId, null);

        long start = System.nanoTime();
        browser.open(oidc.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", username, "password", PASSWORD));
        String code = gateway.lastCodeTo("0" + phone.substring(3)).orElseThrow();
        browser.submit("form#bd-sms-otp-form", Map.of("code", code));
        long elapsed = System.nanoTime() - start;

        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
        return elapsed;
    }

    /** The same span for stock Keycloak, the TOTP computed as an authenticator app would. */
    private long totpLogin(String clientId) throws Exception {
        String username = "bench-totp-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        createTotpUser(username, secret);
        Browser browser = new Browser(keycloak.baseUrl());
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), clientId, null);

        long start = System.nanoTime();
        browser.open(oidc.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", username, "password", PASSWORD));
        browser.submit("form#kc-otp-login-form", Map.of("otp", new TimeBasedOTP().generateTOTP(secret)));
        long elapsed = System.nanoTime() - start;

        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
        return elapsed;
    }

    private void createTotpUser(String username, String secret) throws IOException, InterruptedException {
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("lastName", "Trần").put("firstName", "Thị Đo");
        var credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        credentials.addObject().put("type", "otp").put("userLabel", "benchmark")
                .put("secretData", "{\"value\":\"" + secret + "\"}")
                .put("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        expect(201, admin.send("POST", REALM + "/users", user));
    }

    /** A public PKCE client whose browser flow is the given executions, all required, with an optional theme. */
    private String clientWithFlow(String name, List<String> providers, Map<String, String> lastStepConfig,
                                  String loginTheme) throws IOException, InterruptedException {
        if (admin.get(REALM + "/clients?clientId=" + name).size() > 0) {
            return name;
        }
        expect(201, admin.send("POST", REALM + "/authentication/flows", Map.of("alias", name, "providerId", "basic-flow",
                "topLevel", true, "builtIn", false, "description", "benchmark")));
        for (String provider : providers) {
            expect(201, admin.send("POST", REALM + "/authentication/flows/" + name + "/executions/execution",
                    Map.of("provider", provider)));
        }
        String lastProvider = providers.get(providers.size() - 1);
        for (JsonNode execution : admin.get(REALM + "/authentication/flows/" + name + "/executions")) {
            expect(202, admin.send("PUT", REALM + "/authentication/flows/" + name + "/executions",
                    ((ObjectNode) execution).put("requirement", "REQUIRED")));
            if (!lastStepConfig.isEmpty() && execution.path("providerId").asText().equals(lastProvider)) {
                expect(201, admin.send("POST", REALM + "/authentication/executions/" + execution.path("id").asText()
                        + "/config", Map.of("alias", name + "-config", "config", lastStepConfig)));
            }
        }
        String flowId = null;
        for (JsonNode flow : admin.get(REALM + "/authentication/flows")) {
            if (flow.path("alias").asText().equals(name)) {
                flowId = flow.path("id").asText();
            }
        }
        ObjectNode client = JSON.createObjectNode().put("clientId", name).put("publicClient", true)
                .put("standardFlowEnabled", true);
        client.putArray("redirectUris").add(OidcClient.APP_REDIRECT_BASE + "/*");
        ObjectNode attributes = client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        if (loginTheme != null) {
            attributes.put("login_theme", loginTheme);
        }
        client.putObject("authenticationFlowBindingOverrides").put("browser", flowId);
        expect(201, admin.send("POST", REALM + "/clients", client));
        return name;
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() / 100 != status / 100) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }
}
