package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertEveryInputLabelled;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertLanguageMenu;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertNoSidewaysScrolling;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertPageContrast;
import static vn.binhduong.keycloak.it.theme.PageChecks.labelOf;
import static vn.binhduong.keycloak.it.theme.PageChecks.mainText;
import static vn.binhduong.keycloak.it.theme.PageChecks.switchLanguage;
import static vn.binhduong.keycloak.it.theme.PageChecks.waitUpTo;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The SMS OTP page in headless Chromium, reached through a test flow (direct-login password form, then sms-otp):
 * masked phone, a live countdown, "Gửi lại" enabled only when the cooldown ends, Vietnamese and English.
 */
@ExtendWith(KeycloakExtension.class)
class OtpPageBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");
    private static final Pattern SECONDS = Pattern.compile("(\\d+) giây");
    private static final int COOLDOWN = 10;

    private final KeycloakServer keycloak;
    private final DirectLoginApi directLogin;
    private final SmsOtpTestRealm realm;
    private final SmsGatewayStandIn gateway;

    OtpPageBrowserIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.realm = new SmsOtpTestRealm(admin);
        this.gateway = standIns.smsGateway();
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
    }

    @AfterEach
    void directLoginOff() throws Exception {
        directLogin.switchOff();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void otpPageCountsDownLiveAndEnablesResendWhenTheCooldownEnds(int width) throws Exception {
        String phone = SmsOtpTestRealm.newPhone();
        String national = SmsOtpTestRealm.national(phone);
        String username = "otp-page-" + UUID.randomUUID().toString().substring(0, 8);
        realm.user(username, phone);
        try (ChromiumBrowser browser = new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            toOtpPage(driver, username);

            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Xác thực bằng mã SMS");
            String masked = "+84 " + national.substring(1, 3) + "****" + phone.substring(phone.length() - 3);
            assertThat(driver.findElement(By.id("bd-sms-otp-phone")).getText())
                    .isEqualTo("Mã xác thực đã được gửi đến số điện thoại " + masked + ".");
            assertThat(driver.getPageSource()).doesNotContain(national).doesNotContain(phone);
            WebElement code = driver.findElement(By.id("code"));
            assertThat(labelOf(driver, "code")).isEqualTo("Mã xác thực");
            assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
            assertThat(code.getAttribute("inputmode")).isEqualTo("numeric");
            assertThat(driver.switchTo().activeElement()).as("the code field has the focus").isEqualTo(code);
            WebElement resend = driver.findElement(By.id("bd-sms-otp-resend"));
            assertThat(resend.getText()).isEqualTo("Gửi lại");
            assertThat(resend.isEnabled()).as("Gửi lại during the cooldown").isFalse();
            assertThat(driver.findElement(By.id("bd-sms-otp-cooldown")).getText()).matches("Bạn có thể bấm \"Gửi lại\" sau \\d+ giây\\.");
            assertEveryInputLabelled(driver);
            assertLanguageMenu(driver);
            assertPageContrast(driver);
            assertNoSidewaysScrolling(driver);
            browser.screenshot("otp-vi-" + width);

            int first = secondsShown(driver);
            assertThat(first).isBetween(110, 120);
            waitUpTo(driver, 10).until(d -> secondsShown(driver) <= first - 2);
            waitUpTo(driver, COOLDOWN + 10).until(d -> d.findElement(By.id("bd-sms-otp-resend")).isEnabled());
            assertThat(driver.findElement(By.id("bd-sms-otp-cooldown")).isDisplayed()).isFalse();
            assertPageContrast(driver);
            browser.screenshot("otp-resend-enabled-vi-" + width);

            int sent = gateway.messagesTo(national).size();
            switchLanguage(driver, "English", "en");

            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("SMS verification");
            assertThat(driver.findElement(By.id("bd-sms-otp-phone")).getText()).isEqualTo("A verification code was sent to " + masked + ".");
            assertThat(labelOf(driver, "code")).isEqualTo("Verification code");
            assertThat(driver.findElement(By.id("bd-sms-otp-countdown")).getText()).matches("The code is valid for \\d+ seconds\\.");
            assertThat(gateway.messagesTo(national)).as("switching the language sends no SMS").hasSize(sent);
            browser.screenshot("otp-en-" + width);

            // Keyboard only: type the code, Enter submits.
            driver.findElement(By.id("code")).sendKeys(gateway.lastCodeTo(national).orElseThrow(), Keys.ENTER);
            waitUpTo(driver, 15).until(d -> d.getCurrentUrl().startsWith(OidcClient.APP_REDIRECT_BASE));
            assertThat(driver.getCurrentUrl()).contains("code=");
        }
    }

    /** The direct-login form of the test client, then the password: lands on the OTP page (one SMS sent). */
    private void toOtpPage(ChromeDriver driver, String username) throws Exception {
        String client = realm.clientWithSmsOtp("theme-otp-page", Map.of("bd.smsCode.lifetime", "120",
                "bd.smsCode.resendCooldown", String.valueOf(COOLDOWN), "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "20", "bd.smsCode.ipHourlyCap", "100000"));
        directLogin.switchOn("theme OTP page check");
        driver.get(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(SmsOtpTestRealm.PASSWORD, Keys.ENTER);
        waitUpTo(driver, 15).until(d -> !d.findElements(By.id("bd-sms-otp-form")).isEmpty());
    }

    private static int secondsShown(ChromeDriver driver) {
        String text = driver.findElement(By.id("bd-sms-otp-countdown")).getText();
        Matcher matcher = SECONDS.matcher(text);
        assertThat(matcher.find()).as("seconds in \"" + text + "\"").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
