package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;

/**
 * The binhduong theme in a real headless Chromium, on a desktop (1280 px) and a phone (375 px): Vietnamese first,
 * the language menu switches to English, and screenshots land in {@code target/screenshots}.
 */
@ExtendWith(KeycloakExtension.class)
class ThemeBrowserIT {

    private static final String HEADER_VI = "HỆ THỐNG CHÍNH QUYỀN ĐIỆN TỬ TỈNH BÌNH DƯƠNG";
    private static final String DVCQG_VI = "Đăng nhập bằng Cổng Dịch vụ công Quốc gia";
    private static final String DVCQG_EN = "Sign in with the National Public Service Portal";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");

    private final KeycloakServer keycloak;
    private final DirectLoginApi directLogin;

    ThemeBrowserIT(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void loginPageOffersOnlyTheNationalPortalWhileDirectLoginIsOff(int width) throws Exception {
        directLogin.switchOff();
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());

            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
            assertThat(driver.findElement(By.id("kc-header-wrapper")).getText()).isEqualTo(HEADER_VI);
            WebElement button = driver.findElement(By.id("bd-dvcqg-login"));
            assertThat(button.getText()).isEqualTo(DVCQG_VI);
            assertThat(button.isDisplayed()).isTrue();
            assertThat(driver.findElements(By.id("kc-form-login"))).isEmpty();
            assertThat(driver.findElements(By.id("bd-direct-login-banner"))).isEmpty();
            assertReadable(driver, button);
            browser.screenshot("login-off-vi-" + width);

            switchLanguage(driver, "English", "en");

            assertThat(driver.findElement(By.id("bd-dvcqg-login")).getText()).isEqualTo(DVCQG_EN);
            assertThat(driver.findElement(By.id("kc-header-wrapper")).getText())
                    .isEqualTo("BÌNH DƯƠNG PROVINCE E-GOVERNMENT SYSTEM");
            browser.screenshot("login-off-en-" + width);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void loginFormIsLabelledInVietnameseWhileDirectLoginIsOn(int width) throws Exception {
        directLogin.switchOn("theme check");
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());

            assertThat(driver.findElement(By.id("bd-dvcqg-login")).getText()).isEqualTo(DVCQG_VI);
            assertThat(driver.findElement(By.id("bd-direct-login-banner")).isDisplayed()).isTrue();
            WebElement username = driver.findElement(By.id("username"));
            assertThat(labelOf(driver, "username")).isEqualTo("Tài khoản");
            assertThat(username.getAttribute("placeholder")).isEqualTo("Số CMND/CCCD hoặc số điện thoại");
            assertThat(labelOf(driver, "password")).isEqualTo("Mật khẩu");
            assertThat(labelOf(driver, "rememberMe")).isEqualTo("Ghi nhớ đăng nhập");
            assertThat(driver.findElement(By.linkText("Quên mật khẩu?")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("kc-login")).getText()).isEqualTo("Đăng nhập");
            assertEveryInputLabelled(driver);
            assertReadable(driver, driver.findElement(By.id("kc-login")));
            browser.screenshot("login-form-vi-" + width);

            switchLanguage(driver, "English", "en");

            assertThat(labelOf(driver, "username")).isEqualTo("Account");
            assertThat(driver.findElement(By.linkText("Forgot password?")).isDisplayed()).isTrue();
            browser.screenshot("login-form-en-" + width);
        } finally {
            directLogin.switchOff();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void logoutConfirmationAndSignedOutPageReadInVietnamese(int width) throws Exception {
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            driver.get(keycloak.realmUrl() + "/protocol/openid-connect/logout");

            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đăng xuất");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Bạn có chắc chắn muốn đăng xuất?");
            WebElement logout = driver.findElement(By.id("kc-logout"));
            assertThat(logout.getAttribute("value")).isEqualTo("Đăng xuất");
            assertReadable(driver, logout);
            browser.screenshot("logout-confirm-vi-" + width);

            logout.click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.id("kc-logout")).isEmpty());

            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Bạn đã đăng xuất.");
            browser.screenshot("info-signed-out-vi-" + width);

            driver.get(keycloak.realmUrl() + "/protocol/openid-connect/logout");
            switchLanguage(driver, "English", "en");

            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Do you want to sign out?");
            browser.screenshot("logout-confirm-en-" + width);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void errorPageReadsInVietnamese(int width) throws Exception {
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            driver.get(keycloak.realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                    + "&client_id=khong-ton-tai&redirect_uri=" + URLEncoder.encode(OidcClient.REDIRECT_URI, StandardCharsets.UTF_8));

            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đã xảy ra lỗi");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Không tìm thấy ứng dụng yêu cầu đăng nhập.");
            assertThat(driver.findElement(By.id("kc-header-wrapper")).getText()).isEqualTo(HEADER_VI);
            assertNoSidewaysScrolling(driver);
            browser.screenshot("error-vi-" + width);
        }
    }

    private ChromiumBrowser browser(int width) {
        return new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS);
    }

    private static void switchLanguage(ChromeDriver driver, String label, String lang) {
        new Select(driver.findElement(By.id("login-select-toggle"))).selectByVisibleText(label);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private static String labelOf(ChromeDriver driver, String inputId) {
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText().strip();
    }

    private static void assertEveryInputLabelled(ChromeDriver driver) {
        for (WebElement input : driver.findElements(By.cssSelector("input:not([type=hidden]), select"))) {
            String id = input.getAttribute("id");
            boolean labelled = input.getAttribute("aria-label") != null
                    || (id != null && !driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty());
            assertThat(labelled).as("label for input #" + id).isTrue();
        }
    }

    /** The main action has WCAG AA contrast, and a 375 px page needs no sideways scrolling. */
    private static void assertReadable(ChromeDriver driver, WebElement action) {
        assertThat(Contrast.ratio(action.getCssValue("color"), action.getCssValue("background-color")))
                .as("contrast of #" + action.getAttribute("id")).isGreaterThanOrEqualTo(4.5);
        WebElement header = driver.findElement(By.id("kc-header"));
        assertThat(Contrast.ratio(driver.findElement(By.id("kc-header-wrapper")).getCssValue("color"),
                header.getCssValue("background-color"))).as("contrast of the header").isGreaterThanOrEqualTo(4.5);
        assertNoSidewaysScrolling(driver);
    }

    private static void assertNoSidewaysScrolling(ChromeDriver driver) {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
    }

    /** WCAG 2 contrast ratio of two CSS colours as Chromium reports them ({@code rgb(..)} or {@code rgba(..)}). */
    static final class Contrast {

        private Contrast() {
        }

        static double ratio(String foreground, String background) {
            double a = luminance(foreground);
            double b = luminance(background);
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }

        private static double luminance(String cssColour) {
            List<Double> rgb = Arrays.stream(cssColour.replaceAll("[^0-9.,]", "").split(","))
                    .limit(3).map(Double::parseDouble).map(c -> c / 255).map(Contrast::linear).toList();
            return 0.2126 * rgb.get(0) + 0.7152 * rgb.get(1) + 0.0722 * rgb.get(2);
        }

        private static double linear(double channel) {
            return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
    }
}
