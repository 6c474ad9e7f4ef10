package vn.binhduong.keycloak.it.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
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
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The mobile number of an official's OTP phone as the login name of the direct login: resolved to the official,
 * the same answer (page and time) as a wrong password when the number is unknown or not eligible, and Keycloak's
 * brute-force detection counting against the resolved account.
 */
@ExtendWith(KeycloakExtension.class)
class DirectLoginPhoneIT {

    private static final String PASSWORD = "Abc@12345";
    private static final String WRONG = "Sai@12345";
    private static final String OFFICIALS = "/can-bo-mot-cua";
    private static final String REALM = "/realms/" + KeycloakUnderTest.REALM;
    /** The theme's words for a wrong ID number or password (Keycloak's invalidUserMessage). */
    private static final String REFUSAL = "Tài khoản hoặc mật khẩu không đúng";
    private static final int TRIES = 8;
    /** Far below what a skipped password hash saves on this machine's loaded cores, far above the noise of 8 medians. */
    private static final long MEDIAN_TOLERANCE_MS = 600;

    private enum Kind { WRONG_PASSWORD, UNKNOWN_NUMBER, NOT_ELIGIBLE, WRONG_ID_PASSWORD }

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;

    DirectLoginPhoneIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
    }

    @BeforeEach
    void switchedOn() throws Exception {
        directLogin.switchOn("DirectLoginPhoneIT");
    }

    @AfterEach
    void switchedOff() throws Exception {
        directLogin.switchOff();
    }

    @Test
    void anOfficialSignsInWithThePhoneNumberWrittenEitherWay() throws Exception {
        String idNumber = "074090000301";
        String userId = OtpPhones.createUser(admin, idNumber, PASSWORD, "Ngô", "Thị Hoa", "+84912000301", OFFICIALS);

        for (String typed : List.of("0912 000 301", "+84 912 000 301", "+84912000301")) {
            Browser browser = new Browser(keycloak.baseUrl());
            OidcClient app = motcua();
            browser.open(app.authorizationUrl());
            assertThat(browser.page().selectFirst("#username").attr("placeholder"))
                    .isEqualTo("Số CMND/CCCD hoặc số điện thoại");
            browser.submit("form#kc-form-login", Map.of("username", typed, "password", PASSWORD));
            assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(typed + ": " + browser.page().text()).isNotNull();
            browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo("0912000301").orElseThrow()));
            URI callback = browser.redirectOut();
            assertThat(callback).as(typed + ": back at motcua").isNotNull();
            assertThat(app.redeem(callback).path("access_token").asText()).isNotEmpty();
        }

        List<JsonNode> logins = new ArrayList<>();
        admin.get(REALM + "/events?type=LOGIN&max=100&user=" + userId).forEach(logins::add);
        assertThat(logins).hasSize(3).allSatisfy(event ->
                assertThat(event.path("details").path("username").asText()).isEqualTo(idNumber));
        assertNoFullNumberInEvents("912000301");
    }

    /**
     * A registered number with a wrong password, an unknown number, the number of someone outside the group (right
     * password) and an ID number with a wrong password: the same page, in the same time, and no SMS.
     */
    @Test
    void anUnknownOrIneligibleNumberIsAnsweredAsAWrongPassword() throws Exception {
        OtpPhones.createUser(admin, "074090000303", PASSWORD, "Bùi", "Thị Lan", "+84912000303");
        int smsBefore = gateway.messages().size();
        Map<Kind, List<Long>> millis = new EnumMap<>(Kind.class);
        List<String> numbers = new ArrayList<>(List.of("912000399", "912000303"));
        String reference = null;

        for (int i = 0; i < TRIES; i++) {
            // Fresh accounts for the wrong passwords: one failure each, so brute-force detection never steps in.
            String byPhone = "09123104" + i + "0";
            String byId = "0740900031" + i + "1";
            OtpPhones.createUser(admin, "0740900031" + i + "0", PASSWORD, "Đỗ", "Văn Khánh", "+84" + byPhone.substring(1), OFFICIALS);
            OtpPhones.createUser(admin, byId, PASSWORD, "Mai", "Văn Nam", "+84" + byPhone.substring(1, 9) + "1", OFFICIALS);
            numbers.add(byPhone.substring(1));
            Map<Kind, String[]> attempts = Map.of(
                    Kind.WRONG_PASSWORD, new String[]{byPhone, WRONG},
                    Kind.UNKNOWN_NUMBER, new String[]{"0912000399", PASSWORD},
                    Kind.NOT_ELIGIBLE, new String[]{"0912000303", PASSWORD},
                    Kind.WRONG_ID_PASSWORD, new String[]{byId, WRONG});
            for (Kind kind : Kind.values()) {
                String[] attempt = attempts.get(kind);
                Browser browser = new Browser(keycloak.baseUrl());
                browser.open(motcua().authorizationUrl());
                long start = System.nanoTime();
                browser.submit("form#kc-form-login", Map.of("username", attempt[0], "password", attempt[1]));
                millis.computeIfAbsent(kind, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
                assertThat(browser.last().statusCode()).as(kind.toString()).isEqualTo(200);
                assertThat(browser.page().text()).as(kind.toString()).contains(REFUSAL);
                String page = masked(browser.last().body()).replace(attempt[0], "LOGIN-NAME");
                reference = reference == null ? page : reference;
                assertThat(page).as(kind + ", try " + i).isEqualTo(reference);
            }
        }

        Map<Kind, Long> medians = new EnumMap<>(Kind.class);
        millis.forEach((kind, values) -> medians.put(kind, values.stream().sorted().toList().get(TRIES / 2)));
        for (Kind kind : Kind.values()) {
            assertThat(Math.abs(medians.get(kind) - medians.get(Kind.WRONG_PASSWORD)))
                    .as("medians " + medians + ", all " + millis).isLessThanOrEqualTo(MEDIAN_TOLERANCE_MS);
        }
        assertThat(gateway.messages()).as("no SMS for any refused login").hasSize(smsBefore);
        assertNoFullNumberInEvents(numbers.toArray(String[]::new));
    }

    /** With a failure factor of 2 for the test: two wrong passwords typed with the number lock the holder's account. */
    @Test
    void bruteForceDetectionCountsAgainstTheAccountTheNumberBelongsTo() throws Exception {
        String userId = OtpPhones.createUser(admin, "074090000304", PASSWORD, "Lý", "Văn Minh", "+84912000304", OFFICIALS);
        int smsBefore = gateway.messages().size();
        ObjectNode realm = (ObjectNode) admin.get(REALM);
        assertThat(admin.send("PUT", REALM, realm.deepCopy().put("failureFactor", 2)).statusCode()).isEqualTo(204);
        try {
            signIn("0912000304", WRONG);
            assertThat(awaitBruteForce(userId, status -> status.path("numFailures").asInt() == 1)).isTrue();
            signIn("+84 912 000 304", WRONG);
            assertThat(awaitBruteForce(userId, status -> status.path("disabled").asBoolean())).isTrue();

            Browser locked = signIn("0912000304", PASSWORD);

            assertThat(locked.page().text()).contains(REFUSAL);
            assertThat(locked.page().selectFirst("form#bd-sms-otp-form")).as("no second factor while locked").isNull();
            assertThat(gateway.messages()).hasSize(smsBefore);
        } finally {
            admin.send("PUT", REALM, realm);
            admin.send("DELETE", REALM + "/attack-detection/brute-force/users/" + userId, null);
        }
    }

    /** Keycloak records brute-force failures off the request thread: polled, up to 20 s. */
    private boolean awaitBruteForce(String userId, java.util.function.Predicate<JsonNode> condition) throws Exception {
        return condition.test(Eventually.poll(Duration.ofSeconds(20),
                () -> admin.get(REALM + "/attack-detection/brute-force/users/" + userId), condition));
    }

    @Test
    void theStepsSettingTurnsThePhoneLoginOff() throws Exception {
        OtpPhones.createUser(admin, "074090000306", PASSWORD, "Tạ", "Thị Oanh", "+84912000306", OFFICIALS);
        JsonNode execution = directLoginFormExecution();
        ObjectNode config = (ObjectNode) admin.get(REALM + "/authentication/config/" + execution.path("authenticationConfig").asText());
        ObjectNode off = config.deepCopy();
        ((ObjectNode) off.path("config")).put("bd.directLogin.byPhone", "false");
        assertThat(admin.send("PUT", REALM + "/authentication/config/" + config.path("id").asText(), off).statusCode()).isEqualTo(204);
        try {
            Browser browser = signIn("0912000306", PASSWORD);
            assertThat(browser.page().text()).contains(REFUSAL);
            assertThat(browser.page().selectFirst("#username").attr("placeholder")).isEqualTo("Số CMND/CCCD");
        } finally {
            admin.send("PUT", REALM + "/authentication/config/" + config.path("id").asText(), config);
        }
        assertThat(signIn("0912000306", PASSWORD).page().selectFirst("form#bd-sms-otp-form")).as("on again").isNotNull();
    }

    private Browser signIn(String loginName, String password) throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(motcua().authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", loginName, "password", password));
        return browser;
    }

    private JsonNode directLoginFormExecution() throws Exception {
        for (JsonNode execution : admin.get(REALM + "/authentication/flows/bd-browser/executions")) {
            if ("bd-direct-login-form".equals(execution.path("providerId").asText())) {
                return execution;
            }
        }
        throw new IllegalStateException("no bd-direct-login-form in bd-browser");
    }

    /** No login event, of any user, carries these national numbers in any of their usual forms. */
    private void assertNoFullNumberInEvents(String... nationalWithoutZero) throws Exception {
        String events = admin.get(REALM + "/events?max=1000").toString();
        for (String number : nationalWithoutZero) {
            assertThat(events).doesNotContain(number);
        }
    }

    /** The page with what differs per request by design masked: session codes, tab ids, client data, session hash; blanks. */
    private static String masked(String page) {
        return page.replaceAll("(session_code|tab_id|client_data|execution|kc_locale)=[^&\"']*", "$1=…")
                .replaceAll("checkAuthSession\\(\\s*\"[^\"]*\"", "checkAuthSession(…")
                .replaceAll("\\s+", " ");
    }

    private OidcClient motcua() {
        return new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret());
    }
}
