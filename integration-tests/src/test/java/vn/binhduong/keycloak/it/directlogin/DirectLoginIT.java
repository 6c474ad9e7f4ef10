package vn.binhduong.keycloak.it.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.it.security.SecurityReport;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Direct login (ID number + password, then the SMS code) behind the administrators' switch, in the realm's browser
 * flow {@code bd-browser}; the codes are read from the SMS gateway stand-in.
 */
@ExtendWith(KeycloakExtension.class)
class DirectLoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Abc@12345";
    private static final String OFFICIALS = "/can-bo-mot-cua";
    private static final String OFF_MESSAGE = "Đăng nhập trực tiếp đang tắt";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;

    DirectLoginIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
    }

    @BeforeEach
    void switchedOff() throws Exception {
        directLogin.switchOff();
    }

    @Test
    void whileOffTheLoginPageHasNoPasswordForm() throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());

        browser.open(motcua().authorizationUrl());

        assertThat(browser.last().statusCode()).isEqualTo(200);
        assertThat(browser.page().select("#kc-form-login, input[name=password]")).isEmpty();
        assertThat(browser.page().select("#bd-direct-login-banner")).isEmpty();
    }

    @Test
    void whileOffNoCraftedRequestReachesThePasswordCheck() throws Exception {
        // Other classes' logins leave their own LOGIN_ERROR events in the realm: only this test's count below.
        long start = System.currentTimeMillis();
        String idNumber = "074090000201";
        String userId = OtpPhones.createUser(admin, idNumber, PASSWORD, "Trần", "Thị Bình", "+84912000201", OFFICIALS);
        directLogin.switchOn("DVCQG không truy cập được");
        Browser browser = new Browser(keycloak.baseUrl());
        OidcClient app = motcua();
        browser.open(app.authorizationUrl());
        Element form = browser.page().selectFirst("form#kc-form-login");
        assertThat(form).as("form rendered while on").isNotNull();
        String action = form.absUrl("action");
        directLogin.switchOff();

        Map<String, String> good = Map.of("username", idNumber, "password", PASSWORD, "credentialId", "");
        Map<String, String> wrong = Map.of("username", idNumber, "password", "Sai@12345");
        String loginActions = keycloak.realmUrl() + "/login-actions/";
        String query = URI.create(action).getRawQuery();
        List<Crafted> crafted = new ArrayList<>();
        crafted.add(new Crafted("replayed form", () -> browser.post(action, good)));
        crafted.add(new Crafted("replayed form, wrong password", () -> browser.post(action, wrong)));
        crafted.add(new Crafted("replayed form with rememberMe", () -> browser.post(action, with(good, "rememberMe", "on"))));
        crafted.add(new Crafted("random execution id", () -> browser.post(withParam(action, "execution", UUID.randomUUID().toString()), good)));
        for (JsonNode execution : admin.get("/realms/" + KeycloakUnderTest.REALM + "/authentication/flows/bd-browser/executions")) {
            String id = execution.path("id").asText();
            crafted.add(new Crafted("execution of " + execution.path("displayName").asText(),
                    () -> browser.post(withParam(action, "execution", id), good)));
        }
        crafted.add(new Crafted("other tab_id", () -> browser.post(withParam(action, "tab_id", "xyz123"), good)));
        crafted.add(new Crafted("no tab_id", () -> browser.post(withParam(action, "tab_id", null), good)));
        crafted.add(new Crafted("no session_code", () -> browser.post(withParam(action, "session_code", null), good)));
        crafted.add(new Crafted("forged session_code", () -> browser.post(withParam(action, "session_code", "forged"), good)));
        crafted.add(new Crafted("other client_id", () -> browser.post(withParam(action, "client_id", "dichvucong"), good)));
        crafted.add(new Crafted("no client_data", () -> browser.post(withParam(action, "client_data", null), good)));
        crafted.add(new Crafted("bare authenticate URL", () -> browser.post(loginActions + "authenticate", good)));
        crafted.add(new Crafted("form from another browser", () -> new Browser(keycloak.baseUrl()).post(action, good)));
        crafted.add(new Crafted("password as GET query", () -> browser.open(action + "&username=" + idNumber + "&password=" + PASSWORD)));
        crafted.add(new Crafted("registration URL", () -> browser.post(loginActions + "registration?" + query, good)));
        crafted.add(new Crafted("reset-credentials URL", () -> browser.post(loginActions + "reset-credentials?" + query, good)));
        crafted.add(new Crafted("first-broker-login URL", () -> browser.post(loginActions + "first-broker-login?" + query, good)));
        crafted.add(new Crafted("post-broker-login URL", () -> browser.post(loginActions + "post-broker-login?" + query, good)));
        crafted.add(new Crafted("required-action URL", () -> browser.post(loginActions + "required-action?" + query, good)));
        crafted.add(new Crafted("POST to the authorization endpoint", () -> browser.post(
                keycloak.realmUrl() + "/protocol/openid-connect/auth", with(good, "client_id", "motcua", "response_type", "code",
                        "redirect_uri", OidcClient.REDIRECT_URI, "scope", "openid"))));
        crafted.add(new Crafted("old form after a new tab opened", () -> {
            browser.open(motcua().authorizationUrl());
            return browser.post(action, good);
        }));
        String smsStep = null;
        for (JsonNode execution : admin.get("/realms/" + KeycloakUnderTest.REALM + "/authentication/flows/bd-browser/executions")) {
            if ("bd-direct-login-sms-otp".equals(execution.path("providerId").asText())) {
                smsStep = execution.path("id").asText();
            }
        }
        String smsAction = withParam(action, "execution", smsStep);
        crafted.add(new Crafted("a code posted to the SMS step", () -> browser.post(smsAction, Map.of("code", "123456"))));
        crafted.add(new Crafted("resend posted to the SMS step", () -> browser.post(smsAction, Map.of("resend", "true"))));
        crafted.add(new Crafted("password and code posted to the SMS step", () -> browser.post(smsAction, with(good, "code", "000000"))));
        crafted.add(new Crafted("username with spaces", () -> browser.post(action, with(good, "username", " " + idNumber + " "))));
        crafted.add(new Crafted("username fields in capitals", () -> browser.post(action, Map.of("USERNAME", idNumber, "PASSWORD", PASSWORD))));
        crafted.add(new Crafted("empty form", () -> browser.post(action, Map.of())));
        crafted.add(new Crafted("oversized username", () -> browser.post(action, with(good, "username", "0".repeat(100_000)))));
        crafted.add(new Crafted("oversized password", () -> browser.post(action, with(good, "password", "A@a1".repeat(25_000)))));
        crafted.add(new Crafted("login_hint with prompt=login", () -> browser.open(motcua().authorizationUrl()
                + "&prompt=login&login_hint=" + idNumber)));
        crafted.add(new Crafted("empty kc_idp_hint", () -> browser.open(motcua().authorizationUrl() + "&kc_idp_hint=")));
        crafted.add(new Crafted("max_age=0", () -> browser.open(motcua().authorizationUrl() + "&max_age=0")));
        crafted.add(new Crafted("acr_values asking for a level", () -> browser.open(motcua().authorizationUrl() + "&acr_values=2")));
        crafted.add(new Crafted("kc_action on the authorization URL", () -> browser.open(motcua().authorizationUrl()
                + "&kc_action=bd-register-otp-phone")));
        crafted.add(new Crafted("old form after prompt=login", () -> {
            browser.open(motcua().authorizationUrl() + "&prompt=login");
            return browser.post(action, good);
        }));
        crafted.add(new Crafted("password to the reset flow's first step", () -> browser.post(loginActions
                + "reset-credentials?" + query, with(good, "idNumber", idNumber))));
        crafted.add(new Crafted("password to the action-token URL", () -> browser.post(loginActions + "action-token?" + query, good)));
        crafted.add(new Crafted("password to the consent URL", () -> browser.post(loginActions + "consent?" + query, good)));
        crafted.add(new Crafted("replayed form, last", () -> browser.post(action, good)));

        assertThat(crafted).hasSizeGreaterThanOrEqualTo(40);
        int total = crafted.size();
        int smsBefore = gateway.messages().size();
        HttpResponse<String> firstReplay = crafted.remove(0).send().send();
        assertThat(firstReplay.statusCode()).isEqualTo(403);
        assertThat(browser.page().text()).contains(OFF_MESSAGE);
        for (Crafted request : crafted) {
            HttpResponse<String> response = request.send().send();
            // Refused by our step (403 with bdDirectLoginOff), by Keycloak's session checks (4xx error page), sent
            // back by Keycloak to the current step, which renders the page without any password form (200), or sent
            // back to the app with an OAuth error (a malformed authorization request).
            String location = response.headers().firstValue("Location").orElse("");
            assertThat(response.statusCode() / 100 == 3 ? location.contains("error=") : List.of(200, 400, 403, 404, 405, 413)
                    .contains(response.statusCode())).as(request.name() + ": status " + response.statusCode() + " " + location).isTrue();
            assertThat(Jsoup.parse(response.body()).select("input[name=password]")).as(request.name() + ": no password field").isEmpty();
            assertThat(location).as(request.name() + ": no code for the app")
                    .doesNotContain("code=");
            assertThat(response.body()).as(request.name() + ": no password form").doesNotContain("kc-form-login");
        }

        assertThat(gateway.messages()).as("no SMS sent by any crafted request").hasSize(smsBefore);
        List<String> userEvents = new ArrayList<>();
        admin.get("/realms/" + KeycloakUnderTest.REALM + "/events?max=500&user=" + userId)
                .forEach(event -> userEvents.add(event.path("type").asText() + ":" + event.path("error").asText()));
        assertThat(userEvents).as("no login, no password check for the official").isEmpty();
        assertThat(admin.get("/realms/" + KeycloakUnderTest.REALM + "/attack-detection/brute-force/users/" + userId)
                .path("numFailures").asInt()).isZero();
        List<String> refusals = new ArrayList<>();
        admin.get("/realms/" + KeycloakUnderTest.REALM + "/events?type=LOGIN_ERROR&max=500").forEach(event -> {
            if (event.path("time").asLong() >= start) {
                refusals.add(event.path("error").asText());
            }
        });
        assertThat(refusals).contains("bd_direct_login_off").doesNotContain("invalid_user_credentials");
        SecurityReport.record("02-direct-login-off", "While the switch is off, no request reaches the password check "
                        + "or the SMS step", total + " crafted direct-login requests (replays, forged and "
                        + "foreign session data, every execution, the SMS step, other login-actions URLs, oversized fields)",
                "0 passed, 0 SMS, 0 password checks", "DirectLoginIT#whileOffNoCraftedRequestReachesThePasswordCheck");
    }

    @Test
    void officialLogsIntoMotcuaWhileOnAndThePathClosesWhenSwitchedOff() throws Exception {
        String idNumber = "074090000202";
        OtpPhones.createUser(admin, idNumber, PASSWORD, "Lê", "Văn Cường", "+84912000202", OFFICIALS);
        directLogin.switchOn("DVCQG không gửi được OTP");

        Browser browser = new Browser(keycloak.baseUrl());
        OidcClient app = motcua();
        browser.open(app.authorizationUrl());
        assertThat(browser.page().select("#bd-direct-login-banner")).as("banner while on").isNotEmpty();
        browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", PASSWORD));
        URI callback = secondFactor(browser, "0912000202");
        assertThat(callback).as("back at motcua").isNotNull();
        assertThat(app.redeem(callback).path("access_token").asText()).isNotEmpty();

        directLogin.switchOff();
        Browser again = new Browser(keycloak.baseUrl());
        again.open(motcua().authorizationUrl());
        assertThat(again.page().select("#kc-form-login")).isEmpty();
    }

    @Test
    void userOutsideTheGroupIsRefusedBeforeTheSecondFactor() throws Exception {
        String idNumber = "074090000203";
        OtpPhones.createUser(admin, idNumber, PASSWORD, "Phạm", "Thị Dung", "+84912000203");
        directLogin.switchOn("DVCQG gián đoạn");
        int smsBefore = gateway.messages().size();
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(motcua().authorizationUrl());

        HttpResponse<String> response = browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.page().text()).contains("chỉ dành cho cán bộ một cửa");
        assertThat(browser.redirectOut()).isNull();
        assertThat(gateway.messages()).as("no SMS for a user outside the group").hasSize(smsBefore);
    }

    @Test
    void anOfficialWithoutOtpPhoneIsRefusedWithAClearMessageAndNoSms() throws Exception {
        String idNumber = "074090000205";
        admin.createUser(idNumber, PASSWORD, "Vũ", "Văn Giang", OFFICIALS);
        directLogin.switchOn("DVCQG gián đoạn");
        int smsBefore = gateway.messages().size();
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(motcua().authorizationUrl());

        browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", PASSWORD));

        assertThat(browser.page().text()).contains("Tài khoản chưa đăng ký số điện thoại nhận mã OTP.");
        assertThat(browser.redirectOut()).isNull();
        assertThat(gateway.messages()).as("no SMS without an OTP phone").hasSize(smsBefore);
    }

    @Test
    void aLoginWhosePasswordPassedWhileOnEndsWithTheOffPageOnceTheSwitchIsOffOrExpired() throws Exception {
        String idNumber = "074090000206";
        OtpPhones.createUser(admin, idNumber, PASSWORD, "Ngô", "Thị Lan", "+84912000206", OFFICIALS);
        for (boolean byExpiry : List.of(false, true)) {
            if (byExpiry) {
                directLogin.put(admin.token(), "{\"enabled\":true,\"reason\":\"hết hạn giữa chừng\",\"ttlSeconds\":3}");
            } else {
                directLogin.switchOn("tắt giữa chừng");
            }
            Browser browser = new Browser(keycloak.baseUrl());
            browser.open(motcua().authorizationUrl());
            browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", PASSWORD));
            assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(browser.page().text()).isNotNull();
            String code = gateway.lastCodeTo("0912000206").orElseThrow();
            String action = browser.page().selectFirst("form#bd-sms-otp-form").absUrl("action");
            if (byExpiry) {
                awaitSwitchClosed();
            } else {
                directLogin.switchOff();
            }
            int smsBefore = gateway.messages().size();

            HttpResponse<String> rightCode = browser.post(action, Map.of("code", code));
            assertThat(rightCode.statusCode()).isEqualTo(403);
            assertThat(browser.page().text()).contains(OFF_MESSAGE);
            assertThat(browser.redirectOut()).as("no way into motcua").isNull();
            browser.post(action, Map.of("resend", "true"));
            assertThat(browser.redirectOut()).as("no way into motcua").isNull();
            assertThat(gateway.messages()).as("no SMS once the switch is closed").hasSize(smsBefore);
        }
    }

    /** Polled rather than slept: a loaded machine may answer late, but the switch must close by itself. */
    private void awaitSwitchClosed() throws Exception {
        String token = admin.token();
        Eventually.await(Duration.ofSeconds(30), "closed by its expiry",
                () -> JSON.readTree(directLogin.get(token).body()), status -> !status.path("enabled").asBoolean());
    }

    @Test
    void aShortExpiryClosesTheSwitchByItself() throws Exception {
        String token = admin.token();
        HttpResponse<String> put = directLogin.put(token, "{\"enabled\":true,\"reason\":\"thử thời hạn\",\"ttlSeconds\":3}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).path("enabled").asBoolean()).as(put.body()).isTrue();

        awaitSwitchClosed();
        JsonNode status = JSON.readTree(directLogin.get(token).body());
        // Closed by its expiry on the next read, then on the record by the upkeep (DirectLoginConsoleTabIT).
        assertThat(status.path("expired").asBoolean() || "expiry".equals(status.path("changedBy").asText()))
                .as(status.toString()).isTrue();
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(motcua().authorizationUrl());
        assertThat(browser.page().select("#kc-form-login")).isEmpty();
    }

    @Test
    void anOperatorSwitchesWithKcadm() throws Exception {
        Path config = Files.createTempFile("kcadm", ".config");
        String endpoint = keycloak.adminRealmUrl() + "/bd-direct-login";
        kcadm(config, null, "config", "credentials", "--server", keycloak.baseUrl(), "--realm", "master",
                "--user", KeycloakUnderTest.ADMIN_USER, "--password", keycloak.adminPassword());

        kcadm(config, "{\"enabled\": true, \"reason\": \"bật bằng kcadm\", \"ttlSeconds\": 600}", "update", endpoint, "-f", "-");
        JsonNode seenByKcadm = JSON.readTree(kcadm(config, null, "get", endpoint));
        assertThat(seenByKcadm.path("enabled").asBoolean()).as(seenByKcadm.toString()).isTrue();
        assertThat(seenByKcadm.path("reason").asText()).isEqualTo("bật bằng kcadm");

        kcadm(config, "{\"enabled\": false}", "update", endpoint, "-f", "-");
        assertThat(JSON.readTree(directLogin.get(admin.token()).body()).path("enabled").asBoolean()).isFalse();
    }

    /** The distribution's own {@code kcadm.sh}, with its config in a file of this test; fails on a non-zero exit. */
    private String kcadm(Path config, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash",
                Path.of(System.getProperty("bd.keycloak.home"), "bin", "kcadm.sh").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("kcadm.sh " + args[0] + ": " + output).isZero();
        return output;
    }

    @Test
    void onlyRealmManagersMaySwitch() throws Exception {
        OtpPhones.createUser(admin, "074090000204", PASSWORD, "Hoàng", "Văn Em", "+84912000204", OFFICIALS);
        String plainUserToken = officialToken("074090000204", "0912000204");

        assertThat(directLogin.put(plainUserToken, "{\"enabled\":true,\"reason\":\"không được phép\"}").statusCode()).isEqualTo(403);
        assertThat(directLogin.get(plainUserToken).statusCode()).isEqualTo(403);
        assertThat(directLogin.put(null, "{\"enabled\":true,\"reason\":\"không có token\"}").statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(directLogin.get(admin.token()).body()).path("enabled").asBoolean()).isFalse();
    }

    @Test
    void badInputGetsAVietnameseMessageAndChangesNothing() throws Exception {
        for (String body : List.of("{\"enabled\":true}", "{\"reason\":\"x\"}", "not json",
                "{\"enabled\":true,\"reason\":\"x\",\"ttlSeconds\":0}",
                "{\"enabled\":true,\"reason\":\"x\",\"expiresAt\":1000}",
                "{\"enabled\":true,\"reason\":\"x\",\"expiresAt\":99999999999,\"ttlSeconds\":60}")) {
            HttpResponse<String> response = directLogin.put(admin.token(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).as(body).isNotBlank();
        }
        assertThat(JSON.readTree(directLogin.get(admin.token()).body()).path("enabled").asBoolean()).isFalse();
    }

    @Test
    void everyChangeIsAnAdminEvent() throws Exception {
        directLogin.put(admin.token(), "{\"enabled\":true,\"reason\":\"sự cố DVCQG 23/11\",\"ttlSeconds\":3600}");
        directLogin.switchOff();

        JsonNode events = admin.get("/realms/" + KeycloakUnderTest.REALM
                + "/admin-events?resourceTypes=REALM&operationTypes=UPDATE&max=100");
        List<JsonNode> ours = new ArrayList<>();
        events.forEach(event -> {
            if ("bd-direct-login".equals(event.path("resourcePath").asText())) {
                ours.add(event);
            }
        });
        JsonNode on = ours.stream().filter(e -> e.path("representation").asText().contains("sự cố DVCQG 23/11")).findFirst().orElseThrow();
        JsonNode representation = JSON.readTree(on.path("representation").asText());
        assertThat(representation.path("enabled").asBoolean()).isTrue();
        assertThat(representation.path("expiresAt").asLong()).isEqualTo(representation.path("changedAt").asLong() + 3600);
        assertThat(representation.path("changedBy").asText()).isEqualTo("master/" + KeycloakUnderTest.ADMIN_USER);
        assertThat(on.path("authDetails").path("realmId").asText()).isNotBlank();
        assertThat(on.path("time").asLong()).isPositive();
        assertThat(ours.get(0).path("representation").asText()).contains("\"enabled\":false");
    }

    /** The SMS OTP step after the password: exactly one SMS to the official's phone, whose code is entered. */
    private URI secondFactor(Browser browser, String nationalPhone) throws Exception {
        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(browser.page().text()).isNotNull();
        assertThat(gateway.messagesTo(nationalPhone)).hasSize(1);
        browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo(nationalPhone).orElseThrow()));
        return browser.redirectOut();
    }

    private OidcClient motcua() {
        return new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret());
    }

    /** An official's access token from a full direct login (password, then the SMS code) at motcua. */
    private String officialToken(String idNumber, String nationalPhone) throws Exception {
        directLogin.switchOn("lấy token của cán bộ");
        try {
            Browser browser = new Browser(keycloak.baseUrl());
            OidcClient app = motcua();
            browser.open(app.authorizationUrl());
            browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", PASSWORD));
            return app.redeem(secondFactor(browser, nationalPhone)).path("access_token").asText();
        } finally {
            directLogin.switchOff();
        }
    }

    private static Map<String, String> with(Map<String, String> fields, String... more) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    /** The URL with one query parameter replaced, or removed when {@code value} is null. */
    private static String withParam(String url, String name, String value) {
        URI uri = URI.create(url);
        List<String> params = new ArrayList<>();
        for (String pair : uri.getRawQuery().split("&")) {
            if (!pair.startsWith(name + "=")) {
                params.add(pair);
            }
        }
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return url.substring(0, url.indexOf('?') + 1) + String.join("&", params);
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private record Crafted(String name, Request send) {
    }
}
