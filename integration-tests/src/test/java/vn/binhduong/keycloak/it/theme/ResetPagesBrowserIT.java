package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.binhduong.keycloak.it.reset.ResetFlow;
import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;

/**
 * The password reset's pages in a real headless Chromium, on a desktop (1280 px) and a phone (375 px), from the
 * login page's "Quên mật khẩu?" to the success page; screenshots land in {@code target/screenshots}.
 */
@ExtendWith(KeycloakExtension.class)
class ResetPagesBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");

    private final KeycloakServer keycloak;
    private final ResetFlow reset;

    ResetPagesBrowserIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        this.keycloak = keycloak;
        this.reset = new ResetFlow(keycloak, admin, standIns.smsGateway());
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000"));
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void theResetPagesReadInVietnameseOnADesktopAndAPhone(int width) throws Exception {
        Official official = reset.official(true);
        try (ChromiumBrowser browser = new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
            driver.findElement(By.linkText("Quên mật khẩu?")).click();

            await(driver, "bd-reset-id-form");
            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đặt lại mật khẩu");
            assertThat(driver.findElement(By.cssSelector("label[for='username']")).getText()).startsWith("Tài khoản");
            assertThat(driver.findElement(By.id("bd-reset-id-submit")).getText()).isEqualTo("Tiếp tục");
            assertFits(driver);
            browser.screenshot("reset-id-vi-" + width);
            driver.findElement(By.id("username")).sendKeys(official.idNumber());
            solveCaptcha(driver, "bd-reset-id-form");
            driver.findElement(By.id("bd-reset-id-submit")).click();

            await(driver, "bd-reset-code-form");
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("Nếu tài khoản hợp lệ, mã xác thực đã được gửi tới số điện thoại đăng ký")
                    .contains("Mã xác thực sẽ hết hạn sau");
            assertFits(driver);
            browser.screenshot("reset-code-vi-" + width);
            driver.findElement(By.id("code")).sendKeys(reset.awaitCode(official, 0));
            driver.findElement(By.id("bd-reset-code-submit")).click();

            await(driver, "bd-reset-password-form");
            assertThat(driver.findElement(By.cssSelector("label[for='password-new']")).getText()).startsWith("Mật khẩu mới");
            assertThat(driver.findElement(By.cssSelector("label[for='password-confirm']")).getText()).startsWith("Xác nhận mật khẩu");
            assertThat(driver.findElement(By.id("bd-reset-password-submit")).getText()).isEqualTo("Đồng ý");
            assertFits(driver);
            browser.screenshot("reset-password-vi-" + width);
            driver.findElement(By.id("password-new")).sendKeys("Moi@2026xyz");
            driver.findElement(By.id("password-confirm")).sendKeys("Moi@2026xyz");
            solveCaptcha(driver, "bd-reset-password-form");
            driver.findElement(By.id("bd-reset-password-submit")).click();

            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("bd-reset-to-login")).isEmpty());
            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đặt lại mật khẩu thành công");
            assertThat(driver.findElement(By.id("bd-reset-to-login")).getText()).isEqualTo("Quay lại trang đăng nhập");
            assertFits(driver);
            browser.screenshot("reset-done-vi-" + width);
        }
    }

    private static void await(ChromeDriver driver, String formId) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id(formId)).isEmpty());
    }

    /** What reCAPTCHA's script puts in the form once the box is ticked (its script cannot load here). */
    private static void solveCaptcha(ChromeDriver driver, String formId) {
        driver.executeScript("var field = document.createElement('input'); field.type = 'hidden';"
                + " field.name = arguments[0]; field.value = arguments[1]; document.getElementById(arguments[2]).appendChild(field);",
                CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN, formId);
    }

    /** A 375 px page needs no sideways scrolling. */
    private static void assertFits(ChromeDriver driver) {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
    }
}
