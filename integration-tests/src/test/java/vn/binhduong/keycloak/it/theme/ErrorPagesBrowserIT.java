package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertLanguageMenu;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertNoSidewaysScrolling;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertPageContrast;
import static vn.binhduong.keycloak.it.theme.PageChecks.mainText;
import static vn.binhduong.keycloak.it.theme.PageChecks.switchLanguage;
import static vn.binhduong.keycloak.it.theme.PageChecks.waitUpTo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * The error pages people can meet, in headless Chromium at 1280 and 375 px: DVCQG unreachable, account not
 * provisioned, direct login switched off, an account locked by the brute-force protection, and Keycloak's own
 * "page expired". Each reads in Vietnamese, meets WCAG AA contrast and offers the language menu.
 */
@ExtendWith(KeycloakExtension.class)
class ErrorPagesBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");
    private static final String PASSWORD = "Abc@12345";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final DvcqgStandIn dvcqg;

    ErrorPagesBrowserIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.dvcqg = standIns.dvcqg();
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
    }

    @AfterEach
    void backToNormal() throws Exception {
        dvcqg.healthy();
        directLogin.switchOff();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void accountNotProvisioned(int width) throws Exception {
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            backFromDvcqgAs(driver, "citizen_old_cmnd");

            assertErrorPage(driver, "Tài khoản chưa được cấp. Vui lòng liên hệ bộ phận quản trị hệ thống để được cấp tài khoản.");
            browser.screenshot("error-not-provisioned-vi-" + width);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void dvcqgUnreachable(int width) throws Exception {
        String account = "theme_down_" + width;
        dvcqg.account(account, DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-THEME-" + width)
                .put("SoDinhDanh", "07409000" + (width == 375 ? "0375" : "1280")));
        dvcqg.slowUserInfo(Duration.ofSeconds(5));
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            backFromDvcqgAs(driver, account);

            // The broker brings the user back to the login page with the message and the DVCQG button to retry.
            waitUpTo(driver, 20).until(d -> !d.findElements(By.id("bd-dvcqg-login")).isEmpty());
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
            assertThat(mainText(driver)).contains("Không kết nối được với Cổng Dịch vụ công Quốc gia. Vui lòng thử lại sau ít phút.");
            assertLanguageMenu(driver);
            assertPageContrast(driver);
            assertNoSidewaysScrolling(driver);
            browser.screenshot("error-dvcqg-unreachable-vi-" + width);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void directLoginSwitchedOffWhileTheFormWasOpen(int width) throws Exception {
        String username = "theme-off-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(username, PASSWORD, "Trần", "Thị Thử", "/can-bo-mot-cua");
        directLogin.switchOn("theme error page check");
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
            directLogin.switchOff();
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
            waitUpTo(driver, 15).until(d -> d.findElements(By.id("kc-form-login")).isEmpty());

            assertErrorPage(driver, "Đăng nhập trực tiếp đang tắt. Vui lòng đăng nhập bằng Cổng Dịch vụ công Quốc gia.");
            browser.screenshot("error-direct-login-off-vi-" + width);

            switchLanguage(driver, "English", "en");
            assertThat(driver.findElement(By.id("kc-header-wrapper")).getText()).isEqualTo("BÌNH DƯƠNG PROVINCE E-GOVERNMENT SYSTEM");
            browser.screenshot("error-direct-login-off-en-" + width);
        }
    }

    @Test
    void lockedAccountIsToldTheSameAsAWrongPasswordWithAHint() throws Exception {
        String username = "theme-locked-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = admin.createUser(username, PASSWORD, "Lê", "Văn Khoá", "/can-bo-mot-cua");
        directLogin.switchOn("theme locked check");
        try (ChromiumBrowser browser = browser(1280)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
            for (int attempt = 0; attempt < 6; attempt++) {
                signIn(driver, username, "Sai@" + attempt + "xyz");
            }
            assertThat(admin.get("/realms/" + KeycloakServer.REALM + "/attack-detection/brute-force/users/" + userId)
                    .path("disabled").asBoolean()).as("locked by the brute-force protection").isTrue();

            signIn(driver, username, PASSWORD);

            // Keycloak tells a locked account the same as a wrong password (no account probing); ours adds the hint.
            assertThat(driver.findElement(By.id("input-error-username")).getText()).isEqualTo(
                    "Tài khoản hoặc mật khẩu không đúng. Sau nhiều lần nhập sai liên tiếp, tài khoản bị tạm khoá trong ít phút.");
            assertPageContrast(driver);
            browser.screenshot("error-locked-vi-1280");
            switchLanguage(driver, "English", "en");
            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Sign in");
            signIn(driver, username, PASSWORD);
            assertThat(driver.findElement(By.id("input-error-username")).getText()).isEqualTo(
                    "Invalid account or password. After several wrong attempts in a row, the account is locked for a few minutes.");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void pageExpired(int width) throws Exception {
        try (ChromiumBrowser browser = browser(width)) {
            ChromeDriver driver = browser.driver();
            URI authorize = toDvcqg(driver);
            String state = authorize.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
            // A callback whose state no longer matches the sign-in in progress, as after a stale tab.
            driver.get(dvcqg.pick(URI.create(authorize.toString().replace("state=" + state, "state=x" + state.substring(1))), "citizen_cccd"));
            waitUpTo(driver, 15).until(d -> !d.findElements(By.id("kc-page-title")).isEmpty());

            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Trang đã hết hạn");
            assertThat(mainText(driver)).contains("Để đăng nhập lại từ đầu").contains("Để tiếp tục đăng nhập")
                    .contains("Nhấn vào đây");
            assertLanguageMenu(driver);
            assertPageContrast(driver);
            assertNoSidewaysScrolling(driver);
            browser.screenshot("page-expired-vi-" + width);

        }
    }

    /** The error page in Vietnamese, readable, with the language menu; then the same page in English. */
    private static void assertErrorPage(ChromeDriver driver, String vietnamese) {
        waitUpTo(driver, 20).until(d -> !d.findElements(By.id("kc-page-title")).isEmpty());
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Đã xảy ra lỗi");
        assertThat(mainText(driver)).contains(vietnamese);
        assertThat(driver.findElement(By.id("bd-error-restart")).getText()).isEqualTo("« Quay lại trang đăng nhập");
        assertLanguageMenu(driver);
        assertPageContrast(driver);
        assertNoSidewaysScrolling(driver);
    }

    /** Submits the direct-login form and waits for the next page with the message under the account field. */
    private static void signIn(ChromeDriver driver, String username, String password) {
        waitUpTo(driver, 15).until(d -> !d.findElements(By.id("password")).isEmpty());
        WebElement passwordField = driver.findElement(By.id("password"));
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        passwordField.sendKeys(password, Keys.ENTER);
        waitUpTo(driver, 15).until(ExpectedConditions.stalenessOf(passwordField));
        waitUpTo(driver, 15).until(d -> !d.findElements(By.id("input-error-username")).isEmpty());
    }

    /** From the portal's login page to the DVCQG stand-in: the authorize URL Keycloak sent the browser to. */
    private URI toDvcqg(ChromeDriver driver) {
        driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
        driver.findElement(By.id("bd-dvcqg-login")).click();
        waitUpTo(driver, 15).until(d -> d.getCurrentUrl().startsWith(dvcqg.baseUrl()));
        return URI.create(driver.getCurrentUrl());
    }

    private void backFromDvcqgAs(ChromeDriver driver, String account) {
        driver.get(dvcqg.pick(toDvcqg(driver), account));
    }

    private static ChromiumBrowser browser(int width) {
        return new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS);
    }
}
