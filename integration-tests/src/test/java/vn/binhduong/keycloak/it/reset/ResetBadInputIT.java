package vn.binhduong.keycloak.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.ServerClock;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/** Each bad input on each page of the reset gets its own Vietnamese message and changes nothing. */
@ExtendWith(KeycloakExtension.class)
class ResetBadInputIT {

    private final SmsGatewayStandIn gateway;
    private final AdminApi admin;
    private final ResetFlow reset;

    ResetBadInputIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        this.gateway = standIns.smsGateway();
        this.admin = admin;
        this.reset = new ResetFlow(keycloak, admin, standIns.smsGateway());
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000"));
    }

    private static String text(Browser browser) {
        return browser.page().text();
    }

    private static boolean hasEvent(JsonNode events, String type, String error) {
        for (JsonNode event : events) {
            if (type.equals(event.path("type").asText()) && error.equals(event.path("error").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void submitIdWithout(Browser browser, String idNumber, String captchaToken) throws Exception {
        browser.submit("form#bd-reset-id-form", Map.of("username", idNumber, CaptchaStandIn.FORM_FIELD, captchaToken));
    }

    @Test
    void aBadIdNumberOrAFailedCaptchaStaysOnTheFirstPageAndSendsNothing() throws Exception {
        Official official = reset.official(true);
        Browser browser = reset.start();
        Map<String, String> expected = Map.of(
                "", "Vui lòng nhập tài khoản (số CCCD hoặc CMND).",
                official.idNumber().substring(0, 11) + "A", "Tài khoản chỉ gồm chữ số",
                official.idNumber().substring(0, 10), "Số CCCD gồm 12 chữ số, số CMND gồm 9 chữ số.",
                "9".repeat(5000), "Tài khoản quá dài.");
        for (Map.Entry<String, String> input : expected.entrySet()) {
            ResetFlow.submitId(browser, input.getKey());
            assertThat(browser.page().selectFirst("form#bd-reset-id-form")).as(input.getKey()).isNotNull();
            assertThat(text(browser)).contains(input.getValue());
            assertThat(browser.last().body()).doesNotContain("9".repeat(100));
        }

        submitIdWithout(browser, official.idNumber(), "not-solved");
        assertThat(browser.page().selectFirst("form#bd-reset-id-form")).isNotNull();
        assertThat(text(browser)).contains("Tôi không phải là người máy");

        assertThat(gateway.messagesTo(official.national())).isEmpty();
        assertThat(text(browser)).doesNotContain(PasswordResetIT.CODE_PAGE_TEXT);
    }

    @Test
    void aWrongOrOversizedCodeIsRefusedAndABadPasswordChangesNothing() throws Exception {
        Official official = reset.official(true);
        long password = reset.passwordCreated(official);
        Browser browser = reset.start();
        ResetFlow.submitId(browser, official.idNumber());
        String code = reset.awaitCode(official, 0);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        ResetFlow.submitCode(browser, wrong);
        assertThat(text(browser)).contains("Mã xác thực không đúng.");
        ResetFlow.submitCode(browser, "1".repeat(5000));
        assertThat(text(browser)).contains("Mã xác thực quá dài.");
        ResetFlow.submitCode(browser, "");
        assertThat(text(browser)).contains("Vui lòng nhập mã xác thực.");

        ResetFlow.submitCode(browser, code);
        assertThat(browser.page().selectFirst("form#bd-reset-password-form")).as(text(browser)).isNotNull();
        Map<String, String> refusals = Map.of(
                "Abc@1", "Mật khẩu không hợp lệ: độ dài tối thiểu 8.",
                "abcdefg@1", "Mật khẩu không hợp lệ: phải chứa ít nhất 1 ký tự hoa.",
                "ABCDEFG@1", "Mật khẩu không hợp lệ: phải chứa ít nhất 1 ký tự thường.",
                "Abcdefgh@", "Mật khẩu không hợp lệ: phải chứa ít nhất 1 chữ số.",
                "Abcdefgh1", "Mật khẩu không hợp lệ: phải chứa ít nhất 1 ký tự đặc biệt.",
                "Abc@1" + "x".repeat(50), "Mật khẩu không hợp lệ: độ dài tối đa 50.",
                "Abc@1" + "x".repeat(300), "Mật khẩu quá dài.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            ResetFlow.submitPasswords(browser, refusal.getKey(), refusal.getKey());
            assertThat(text(browser)).as(refusal.getKey()).contains(refusal.getValue());
        }
        // Every rule a password breaks is named, not only the first.
        ResetFlow.submitPasswords(browser, "abc", "abc");
        assertThat(text(browser)).contains("độ dài tối thiểu 8", "ít nhất 1 ký tự hoa", "ít nhất 1 chữ số",
                "ít nhất 1 ký tự đặc biệt").doesNotContain("ít nhất 1 ký tự thường");
        ResetFlow.submitPasswords(browser, PasswordResetIT.NEW_PASSWORD, PasswordResetIT.NEW_PASSWORD + "x");
        assertThat(text(browser)).contains("Mật khẩu xác nhận không khớp với mật khẩu mới.");
        ResetFlow.submitPasswords(browser, PasswordResetIT.NEW_PASSWORD, "");
        assertThat(text(browser)).contains("Vui lòng nhập lại mật khẩu mới vào ô Xác nhận mật khẩu.");
        browser.submit("form#bd-reset-password-form", Map.of("password-new", PasswordResetIT.NEW_PASSWORD,
                "password-confirm", PasswordResetIT.NEW_PASSWORD, CaptchaStandIn.FORM_FIELD, "not-solved"));
        assertThat(text(browser)).contains("Tôi không phải là người máy");

        assertThat(reset.passwordCreated(official)).as("no bad input changed the password").isEqualTo(password);
        assertThat(browser.page().selectFirst("form#bd-reset-password-form")).isNotNull();
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        reset.codeStepConfig(Map.of("bd.smsCode.lifetime", "2"));
        try {
            Official official = reset.official(true);
            Browser browser = reset.start();
            ResetFlow.submitId(browser, official.idNumber());
            String code = reset.awaitCode(official, 0);
            try (ServerClock clock = new ServerClock(admin)) {
                clock.advance(Duration.ofSeconds(3));
                ResetFlow.submitCode(browser, code);
            }
            assertThat(text(browser)).contains("Mã xác thực đã hết hạn.");
            assertThat(browser.page().selectFirst("form#bd-reset-password-form")).isNull();
        } finally {
            reset.codeStepConfig(Map.of("bd.smsCode.lifetime", "120"));
        }
    }

    @Test
    void wrongCodesLockTheOfficialOutAndThenTheResetShowsTheUnknownAccountsPageAndSendsNothing() throws Exception {
        Official official = reset.official(true);
        Browser browser = reset.start();
        ResetFlow.submitId(browser, official.idNumber());
        String code = reset.awaitCode(official, 0);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        for (int i = 0; i < 5; i++) {
            ResetFlow.submitCode(browser, wrong);
        }
        assertThat(text(browser)).contains("Bạn đã nhập sai quá nhiều lần.");
        // Keycloak records brute-force failures off the request thread.
        Eventually.await(Duration.ofSeconds(10), "the wrong codes locked the official out", () -> admin
                .get("/realms/" + KeycloakUnderTest.REALM + "/attack-detection/brute-force/users/" + official.id())
                .path("disabled").asBoolean());

        Browser again = reset.start();
        ResetFlow.submitId(again, official.idNumber());
        Browser unknown = reset.start();
        String unknownId = ResetFlow.newIdNumber();
        ResetFlow.submitId(unknown, unknownId);

        assertThat(ResetEnumerationIT.masked(again.last().body()).replace(official.idNumber(), "ID"))
                .isEqualTo(ResetEnumerationIT.masked(unknown.last().body()).replace(unknownId, "ID"));
        // The positive signal: step 1 recorded that the locked-out account takes the path that sends nothing. Only
        // then is the gateway read, and the reset's own record of its sends (one event per SMS) agrees.
        Eventually.await(Duration.ofSeconds(10), "the locked-out account refused at step 1",
                () -> reset.events(official), events -> hasEvent(events, "RESET_PASSWORD_ERROR", "user_temporarily_disabled"));
        assertThat(gateway.messagesTo(official.national())).as("no SMS while locked out").hasSize(1);
        assertThat(reset.eventsOfType(official, "SEND_RESET_PASSWORD")).as("one send recorded, before the lockout").isEqualTo(1);
    }

    @Test
    void anUnknownIdNumberNeverPassesWhateverTheCode() throws Exception {
        Browser browser = reset.start();
        ResetFlow.submitId(browser, ResetFlow.newIdNumber());
        for (int i = 0; i < 4; i++) {
            ResetFlow.submitCode(browser, String.format("%06d", i));
            assertThat(text(browser)).contains("Mã xác thực không đúng.");
        }
        ResetFlow.submitCode(browser, "000004");
        assertThat(text(browser)).contains("Bạn đã nhập sai quá nhiều lần.");
        assertThat(browser.page().selectFirst("form#bd-reset-password-form")).isNull();
    }
}
