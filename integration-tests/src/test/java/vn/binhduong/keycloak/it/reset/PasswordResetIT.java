package vn.binhduong.keycloak.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The shipped reset flow ({@code bd-reset-credentials}) in a real Keycloak: "Quên mật khẩu?", the ID number, the
 * SMS code read from the stand-in gateway, the new password; then a login with it while direct login is on.
 */
@ExtendWith(KeycloakExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordResetIT {

    static final String NEW_PASSWORD = "Moi@2026xyz";
    static final String CODE_PAGE_TEXT = "Nếu tài khoản hợp lệ, mã xác thực đã được gửi tới số điện thoại đăng ký";
    /** Every code and phone this class used: none may reach the server log or an event. */
    private static final List<String> SECRETS = new ArrayList<>();

    private final KeycloakServer keycloak;
    private final SmsGatewayStandIn gateway;
    private final DirectLoginApi directLogin;
    private final ResetFlow reset;

    PasswordResetIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        this.keycloak = keycloak;
        this.gateway = standIns.smsGateway();
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.reset = new ResetFlow(keycloak, admin, gateway);
        // All tests come from 127.0.0.1, whose shipped cap (20 SMS an hour) other test classes share.
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000"));
    }

    @AfterEach
    void gatewayWorksAgain() {
        gateway.answerOk();
    }

    private Official official() throws Exception {
        Official official = reset.official(true);
        SECRETS.add(official.phone());
        SECRETS.add(official.national());
        return official;
    }

    private String code(Official official, int before) throws Exception {
        String code = reset.awaitCode(official, before);
        SECRETS.add(code);
        return code;
    }

    private static String text(Browser browser) {
        return browser.page().text();
    }

    @Test
    @Order(1)
    void anOfficialResetsThePasswordAndSignsInWithIt() throws Exception {
        Official official = official();
        directLogin.switchOn("password reset test");
        try {
            assertThat(reset.signIn(official, ResetFlow.OLD_PASSWORD)).as("a session to be signed out").isNotNull();
        } finally {
            directLogin.switchOff();
        }
        assertThat(reset.sessions(official)).isEqualTo(1);
        long oldPassword = reset.passwordCreated(official);

        Browser browser = reset.start();
        assertThat(browser.page().selectFirst("#kc-page-title").text()).isEqualTo("Đặt lại mật khẩu");
        assertThat(browser.page().selectFirst("label[for=username]").text()).startsWith("Tài khoản");
        assertThat(browser.page().selectFirst("#bd-reset-id-submit").text()).isEqualTo("Tiếp tục");

        // The sign-in above sent its own SMS code: the reset's is the one after it.
        int codesBefore = gateway.messagesTo(official.national()).size();
        ResetFlow.submitId(browser, official.idNumber());

        assertThat(text(browser)).contains(CODE_PAGE_TEXT).doesNotContain(official.national().substring(1))
                .containsPattern("Mã xác thực sẽ hết hạn sau 1(0\\d|1\\d|20) giây");
        String code = code(official, codesBefore);
        assertThat(gateway.messagesTo(official.national()).get(codesBefore).text())
                .isEqualTo("Mã xác thực của bạn là " + code + ". Mã có hiệu lực trong 120 giây.");

        ResetFlow.submitCode(browser, code);

        assertThat(browser.page().selectFirst("form#bd-reset-password-form")).as(text(browser)).isNotNull();
        assertThat(browser.page().selectFirst("label[for=password-new]").text()).startsWith("Mật khẩu mới");
        assertThat(browser.page().selectFirst("label[for=password-confirm]").text()).startsWith("Xác nhận mật khẩu");
        assertThat(text(browser)).contains("mật khẩu phải có ít nhất 8 đến 50 ký tự bao gồm ký tự hoa, thường, số và ký tự đặc biệt");
        assertThat(browser.page().selectFirst("#bd-reset-password-submit").text()).isEqualTo("Đồng ý");

        ResetFlow.submitPasswords(browser, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(browser.page().selectFirst("#kc-page-title").text()).as(text(browser)).isEqualTo("Đặt lại mật khẩu thành công");
        assertThat(reset.passwordCreated(official)).isGreaterThan(oldPassword);
        assertThat(reset.sessions(official)).as("the official's other sessions are signed out").isZero();
        assertThat(browser.redirectOut()).as("the reset signs no one in").isNull();

        browser.open(browser.page().selectFirst("a#bd-reset-to-login").absUrl("href"));
        assertThat(browser.page().selectFirst("#bd-dvcqg-login")).as("back on the login page: " + text(browser)).isNotNull();

        directLogin.switchOn("password reset test");
        try {
            assertThat(reset.signIn(official, ResetFlow.OLD_PASSWORD)).as("the old password").isNull();
            URI callback = reset.signIn(official, NEW_PASSWORD);
            assertThat(callback).as("the new password signs in").isNotNull();
            assertThat(callback.getQuery()).contains("code=");
        } finally {
            directLogin.switchOff();
        }

        List<String> steps = new ArrayList<>();
        for (JsonNode event : reset.events(official)) {
            steps.add(event.path("type").asText() + ":" + event.path("details").path("bd_reset_step").asText());
            for (String secret : List.of(code, official.phone(), official.national())) {
                assertThat(event.toString()).as("event holds no code or full phone").doesNotContain(secret);
            }
        }
        assertThat(steps).contains("RESET_PASSWORD:account", "SEND_RESET_PASSWORD:code_sent", "RESET_PASSWORD:code",
                "UPDATE_PASSWORD:password", "RESET_PASSWORD:password", "LOGOUT:password");
    }

    @Test
    @Order(100)
    void theServerLogHoldsNoCodeAndNoFullPhoneNumber() throws Exception {
        String log = keycloak.log();
        assertThat(SECRETS).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])").matcher(log).find())
                    .as("server log holds a code or phone number").isFalse();
        }
    }
}
