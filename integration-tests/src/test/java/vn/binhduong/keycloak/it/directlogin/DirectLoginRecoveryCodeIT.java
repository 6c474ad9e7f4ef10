package vn.binhduong.keycloak.it.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * A recovery code as the direct login's other second factor (a lost phone), in the realm's own flow: off as shipped
 * (the SMS code is the only way), on once an administrator sets the step to ALTERNATIVE. The SMS code stays the one
 * asked first; the recovery code is behind "Try another way", spends one code, records the login's credential type,
 * and is closed with the switch like the SMS step.
 */
@ExtendWith(KeycloakExtension.class)
class DirectLoginRecoveryCodeIT {

    private static final String PASSWORD = "Abc@12345";
    private static final String REALM = "/realms/" + KeycloakUnderTest.REALM;
    private static final String SECOND_FACTOR_FLOW = "bd-browser direct login second factor";
    private static final String RECOVERY_STEP = "bd-direct-login-recovery-code";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;

    DirectLoginRecoveryCodeIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
    }

    private JsonNode recoveryExecution() throws Exception {
        for (JsonNode execution : admin.get(REALM + "/authentication/flows/"
                + URLEncoder.encode(SECOND_FACTOR_FLOW, StandardCharsets.UTF_8).replace("+", "%20") + "/executions")) {
            if (execution.path("providerId").asText().equals(RECOVERY_STEP)) {
                return execution;
            }
        }
        throw new IllegalStateException("no " + RECOVERY_STEP + " in " + SECOND_FACTOR_FLOW);
    }

    private void recoveryStep(String requirement) throws Exception {
        ObjectNode execution = ((ObjectNode) recoveryExecution()).put("requirement", requirement);
        assertThat(admin.send("PUT", REALM + "/authentication/flows/"
                + URLEncoder.encode(SECOND_FACTOR_FLOW, StandardCharsets.UTF_8).replace("+", "%20") + "/executions",
                execution).statusCode()).isEqualTo(204);
    }

    @BeforeEach
    void switchOn() throws Exception {
        directLogin.switchOn("DVCQG gián đoạn, mất điện thoại");
    }

    @AfterEach
    void asShipped() throws Exception {
        recoveryStep("DISABLED");
        directLogin.switchOff();
    }

    private record Official(String idNumber, String national, String id) {
    }

    /** An official with an OTP phone who is asked to set up recovery codes at the next login. */
    private Official official() throws Exception {
        String idNumber = "0749" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String phone = "+8491" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String id = OtpPhones.createUser(admin, idNumber, PASSWORD, "Phạm", "Thị Hoa", phone, "/can-bo-mot-cua");
        ObjectNode user = (ObjectNode) admin.get(REALM + "/users/" + id);
        user.putArray("requiredActions").add("CONFIGURE_RECOVERY_AUTHN_CODES");
        assertThat(admin.send("PUT", REALM + "/users/" + id, user).statusCode()).isEqualTo(204);
        return new Official(idNumber, "0" + phone.substring(3), id);
    }

    private Browser passwordStep(Official official, OidcClient app) throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(app.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", official.idNumber(), "password", PASSWORD));
        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as("the SMS code comes first").isNotNull();
        return browser;
    }

    /** The first login: SMS code, then Keycloak's recovery-code setup page; returns the codes saved. */
    private List<String> setUpCodes(Official official) throws Exception {
        OidcClient app = motcua();
        Browser browser = passwordStep(official, app);
        browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo(official.national()).orElseThrow()));
        List<String> codes = browser.page().select("#kc-recovery-codes-list li").eachText();
        assertThat(codes).as(browser.page().text()).hasSizeGreaterThan(1);
        browser.submit("form#kc-recovery-codes-settings-form", Map.of());
        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
        return codes;
    }

    private void toRecoveryCodeForm(Browser browser) throws Exception {
        browser.submit("form#kc-select-try-another-way-form", Map.of());
        String executionId = recoveryExecution().path("id").asText();
        Element choice = browser.page().selectFirst("form:has(input[name=authenticationExecution][value=" + executionId + "])");
        assertThat(choice).as("the recovery code is offered: " + browser.page().text()).isNotNull();
        browser.post(choice.absUrl("action"), Map.of("authenticationExecution", executionId));
        assertThat(browser.page().selectFirst("form#kc-recovery-code-login-form")).as(browser.page().text()).isNotNull();
    }

    @Test
    void asShippedTheSmsCodeIsTheOnlyWay() throws Exception {
        assertThat(recoveryExecution().path("requirement").asText()).isEqualTo("DISABLED");
        Official official = official();
        setUpCodes(official);

        Browser browser = passwordStep(official, motcua());

        assertThat(browser.page().selectFirst("form#kc-select-try-another-way-form")).isNull();
    }

    @Test
    void onceOfferedARecoveryCodeSignsInInsteadOfTheSmsCode() throws Exception {
        recoveryStep("ALTERNATIVE");
        Official official = official();
        List<String> codes = setUpCodes(official);
        OidcClient app = motcua();

        Browser browser = passwordStep(official, app);
        toRecoveryCodeForm(browser);
        browser.submit("form#kc-recovery-code-login-form", Map.of("recoveryCodeInput", codes.get(0)));

        assertThat(app.redeem(browser.redirectOut()).path("access_token").asText()).isNotEmpty();
        JsonNode login = admin.get(REALM + "/events?type=LOGIN&user=" + official.id() + "&max=1").get(0);
        assertThat(login.at("/details/credential_type").asText()).isEqualTo("recovery-authn-codes");

        // A spent code does not open a second time.
        Browser again = passwordStep(official, motcua());
        toRecoveryCodeForm(again);
        again.submit("form#kc-recovery-code-login-form", Map.of("recoveryCodeInput", codes.get(0)));
        assertThat(again.redirectOut()).isNull();
        JsonNode error = admin.get(REALM + "/events?type=LOGIN_ERROR&user=" + official.id() + "&max=1").get(0);
        assertThat(error.path("error").asText()).isEqualTo("invalid_user_credentials");
    }

    @Test
    void theRecoveryCodeClosesWithTheSwitch() throws Exception {
        recoveryStep("ALTERNATIVE");
        Official official = official();
        List<String> codes = setUpCodes(official);
        Browser browser = passwordStep(official, motcua());
        toRecoveryCodeForm(browser);

        directLogin.switchOff();
        browser.submit("form#kc-recovery-code-login-form", Map.of("recoveryCodeInput", codes.get(0)));

        assertThat(browser.redirectOut()).isNull();
        assertThat(browser.last().statusCode()).isEqualTo(403);
        assertThat(browser.page().text()).contains("Đăng nhập trực tiếp đang tắt");
    }

    private OidcClient motcua() {
        return new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret());
    }
}
