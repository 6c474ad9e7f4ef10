package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The OTP phone registration pages in headless Chromium at 1280 and 375 px, reached as a user without an OTP
 * phone whose SMS OTP step sends them to register one: every field labelled, no sideways scrolling, screenshots in
 * {@code target/screenshots}.
 */
@ExtendWith(KeycloakExtension.class)
class OtpPhonePagesBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;

    OtpPhonePagesBrowserIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = standIns.smsGateway();
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void numberAndCodePagesAreLabelledAndFitTheScreen(int width) throws Exception {
        SmsOtpTestRealm realm = new SmsOtpTestRealm(admin);
        String client = realm.clientWithSmsOtp("otp-phone-pages-it", Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsOtp.noPhone", "REGISTER_PHONE"));
        String username = "phones-ui-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(username, SmsOtpTestRealm.PASSWORD, "Đỗ", "Văn Giao Diện", "/can-bo-mot-cua");
        String phone = SmsOtpTestRealm.newPhone();
        new DirectLoginApi(keycloak, admin).switchOn("OTP phone page check");
        // Every test sends from loopback: the action's per-IP cap is lifted, as the other SMS tests do.
        HttpResponse<String> config = admin.send("PUT", "/realms/" + KeycloakServer.REALM
                + "/authentication/required-actions/bd-register-otp-phone/config", Map.of("config", Map.of("bd.smsCode.ipHourlyCap", "100000")));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(204);

        try (ChromiumBrowser browser = new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(SmsOtpTestRealm.PASSWORD);
            driver.findElement(By.id("kc-form-login")).submit();

            WebElement number = driver.findElement(By.id("phone"));
            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đăng ký số điện thoại nhận OTP");
            assertThat(labelOf(driver, "country")).isEqualTo("Mã quốc gia");
            assertThat(labelOf(driver, "phone")).isEqualTo("Số điện thoại");
            assertThat(driver.findElement(By.cssSelector("#country option:checked")).getText()).startsWith("+84");
            assertFits(driver);
            browser.screenshot("otp-phone-number-vi-" + width);

            number.sendKeys(SmsOtpTestRealm.national(phone));
            // The reCAPTCHA script cannot load here; the token a solved widget leaves is put in the form instead.
            driver.executeScript("var f = document.getElementById('bd-otp-phone-form'); var i = document.createElement('input');"
                    + "i.type = 'hidden'; i.name = arguments[0]; i.value = arguments[1]; f.appendChild(i);",
                    CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN);
            driver.findElement(By.id("bd-otp-phone-submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("bd-otp-phone-target")).isEmpty()
                    || !d.findElements(By.cssSelector(".pf-v5-c-alert, .alert-error")).isEmpty());

            assertThat(driver.findElements(By.id("bd-otp-phone-target"))).as(driver.findElement(By.tagName("body")).getText()).isNotEmpty();
            assertThat(driver.findElement(By.id("bd-otp-phone-target")).getText()).contains("+84 " + phone.substring(3, 5));
            assertThat(labelOf(driver, "code")).isEqualTo("Mã xác thực");
            assertThat(gateway.lastCodeTo(SmsOtpTestRealm.national(phone))).isPresent();
            assertFits(driver);
            browser.screenshot("otp-phone-code-vi-" + width);
        }
    }

    private static String labelOf(ChromeDriver driver, String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText().strip();
    }

    private static void assertFits(ChromeDriver driver) {
        for (WebElement input : driver.findElements(By.cssSelector("input:not([type=hidden]):not([type=submit]), select"))) {
            String id = input.getAttribute("id");
            boolean labelled = input.getAttribute("aria-label") != null
                    || (id != null && !driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty());
            assertThat(labelled).as("label for input #" + id).isTrue();
        }
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
    }
}
