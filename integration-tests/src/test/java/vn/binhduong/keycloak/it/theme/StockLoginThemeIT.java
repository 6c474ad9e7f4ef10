package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.reset.ResetFlow;
import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Our providers' pages under Keycloak's stock {@code keycloak.v2} login theme, the realm's login theme switched for
 * this class: the SMS code step, the phone registration (and its receiver and delete pages) and the reset (ID and
 * captcha, code, new password) each
 * render from their own JARs' templates and messages, with no FreeMarker error and no raw message key.
 */
@ExtendWith(KeycloakExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockLoginThemeIT {

    private static final String REALM = "/realms/" + KeycloakServer.REALM;

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;
    private final SmsOtpTestRealm smsOtpRealm;
    private final DirectLoginApi directLogin;
    private final ResetFlow reset;

    StockLoginThemeIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = standIns.smsGateway();
        this.smsOtpRealm = new SmsOtpTestRealm(admin);
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.reset = new ResetFlow(keycloak, admin, gateway);
    }

    @BeforeAll
    void stockLoginTheme() throws Exception {
        loginTheme("keycloak.v2");
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000"));
        directLogin.switchOn("stock login theme test");
    }

    @AfterAll
    void ourLoginTheme() throws Exception {
        directLogin.switchOff();
        loginTheme("binhduong");
    }

    @Test
    void theSmsCodeStepRendersAndSignsIn() throws Exception {
        String phone = SmsOtpTestRealm.newPhone();
        String username = "stock-theme-" + UUID.randomUUID().toString().substring(0, 8);
        smsOtpRealm.user(username, phone);
        String client = smsOtpRealm.clientWithSmsOtp("stock-theme-sms-it", Map.of("bd.smsCode.ipHourlyCap", "100000"));
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());
        assertStockPage(browser, "login page", "#kc-form-login");

        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));
        Document page = assertStockPage(browser, "SMS code page", "form#bd-sms-otp-form");
        assertThat(page.getElementById("bd-sms-otp-phone").text()).contains(phone.substring(phone.length() - 3))
                .doesNotContain(SmsOtpTestRealm.national(phone));
        assertThat(page.getElementById("bd-sms-otp-countdown")).isNotNull();
        assertThat(page.getElementById("bd-sms-otp-resend").hasAttr("disabled")).as("resend during the cooldown").isTrue();
        assertThat(page.select("script[src$=js/bd-sms-code.js]")).hasSize(1);

        browser.submit("form#bd-sms-otp-form", Map.of("code", "not-a-code"));
        assertThat(assertStockPage(browser, "wrong code", "form#bd-sms-otp-form").text()).contains("Mã xác thực không đúng.");
        browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
        assertThat(assertStockPage(browser, "early resend", "form#bd-sms-otp-form").text())
                .contains("Vui lòng chờ hết thời gian đếm ngược");

        browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo(SmsOtpTestRealm.national(phone)).orElseThrow()));
        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
    }

    @Test
    void thePhoneRegistrationRendersWithItsCaptchaAndStoresTheNumber() throws Exception {
        String client = smsOtpRealm.clientWithSmsOtp("stock-theme-register-it",
                Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsOtp.noPhone", "REGISTER_PHONE"));
        String username = "stock-theme-new-" + UUID.randomUUID().toString().substring(0, 8);
        smsOtpRealm.user(username, null);
        String phone = SmsOtpTestRealm.newPhone();
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));

        Document numberPage = assertStockPage(browser, "phone number page", "form#bd-otp-phone-form");
        assertThat(numberPage.getElementById("bd-captcha")).as("the captcha module's widget").isNotNull();
        browser.submit("form#bd-otp-phone-form", Map.of("source", "other", "country", "VN",
                "phone", SmsOtpTestRealm.national(phone), CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN));

        Document codePage = assertStockPage(browser, "phone code page", "form#bd-otp-phone-code-form");
        assertThat(codePage.getElementById("bd-otp-phone-resend")).isNotNull();
        assertThat(codePage.getElementById("bd-otp-phone-change")).isNotNull();
        browser.submit("form#bd-otp-phone-code-form",
                Map.of("code", gateway.lastCodeTo(SmsOtpTestRealm.national(phone)).orElseThrow()));
        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();

        // The portal's own actions on that phone, in the signed-in session (the realm's browser flow takes the cookie).
        String credentialId = otpPhoneCredentialId(username);
        browser.open(portalAction("receiver." + credentialId));
        assertStockPage(browser, "receiver page", "form#bd-otp-phone-receiver-form");
        browser.open(portalAction("delete." + credentialId));
        assertThat(assertStockPage(browser, "delete page", "form#bd-otp-phone-delete-form").getElementById("bd-otp-phone-cancel"))
                .as("the way back of an application-initiated action").isNotNull();
    }

    @Test
    void theResetRendersEveryStepFromTheIdToTheNewPassword() throws Exception {
        Official official = reset.official(true);
        Browser browser = reset.start();

        Document idPage = assertStockPage(browser, "reset ID page", "form#bd-reset-id-form");
        assertThat(idPage.getElementById("bd-captcha")).as("the captcha module's widget").isNotNull();
        ResetFlow.submitId(browser, official.idNumber());

        Document codePage = assertStockPage(browser, "reset code page", "form#bd-reset-code-form");
        assertThat(codePage.text()).contains("Nếu tài khoản hợp lệ").doesNotContain(official.national());
        ResetFlow.submitCode(browser, reset.awaitCode(official, 0));

        assertStockPage(browser, "reset password page", "form#bd-reset-password-form");
        ResetFlow.submitPasswords(browser, "Moi@2026xyz", "Moi@2026xyz");

        assertThat(assertStockPage(browser, "reset done page", "#bd-reset-to-login").text())
                .contains("Đặt lại mật khẩu thành công");
    }

    /**
     * The current page came from the stock theme, holds {@code selector}, rendered (no error status, no FreeMarker
     * error) and shows no raw message key: a camelCase word, an unresolved {@code ${…}}, a literal HTML entity.
     */
    private static Document assertStockPage(Browser browser, String what, String selector) {
        HttpResponse<String> response = browser.last();
        Document page = browser.page();
        assertThat(response.statusCode()).as(what + ": status\n" + page.text()).isEqualTo(200);
        assertThat(page.select("link[href*=/resources/]").stream().map(link -> link.attr("href")))
                .as(what + ": stylesheets").anyMatch(href -> href.contains("/login/keycloak.v2/"))
                .noneMatch(href -> href.contains("/login/binhduong/"));
        assertThat(page.selectFirst(selector)).as(what + ": " + selector + " in\n" + page.text()).isNotNull();
        String text = page.body().text();
        assertThat(text).as(what + ": raw message key or template error in\n" + text)
                .doesNotContainPattern("\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b")
                .doesNotContain("${").doesNotContain("FreeMarker")
                .doesNotContainPattern("&(quot|amp|lt|gt|#\\d+);");
        return page;
    }

    private String portalAction(String parameter) {
        return new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl()
                + "&kc_action=bd-register-otp-phone:" + parameter;
    }

    private String otpPhoneCredentialId(String username) throws Exception {
        String userId = admin.get(REALM + "/users?exact=true&username=" + username).get(0).path("id").asText();
        for (JsonNode credential : admin.get(REALM + "/users/" + userId + "/credentials")) {
            if (credential.path("type").asText().equals("bd-otp-phone")) {
                return credential.path("id").asText();
            }
        }
        throw new IllegalStateException("no OTP phone stored for " + username);
    }

    private void loginTheme(String theme) throws Exception {
        HttpResponse<String> response = admin.send("PUT", REALM, Map.of("loginTheme", theme));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
