package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertEveryInputLabelled;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertPageContrast;
import static vn.binhduong.keycloak.it.theme.PageChecks.describe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import org.openqa.selenium.interactions.Actions;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;

/**
 * The login page used by keyboard alone, and read by contrast: Tab goes from the language menu to the DVCQG button,
 * then every field and the submit button in order, each visibly outlined when focused; every input has a label;
 * texts, links and buttons meet WCAG AA contrast as rendered.
 */
@ExtendWith(KeycloakExtension.class)
class AccessibilityBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");

    /** The focus indicator as rendered: an outline of at least 2 px, or a box shadow. */
    private static final String FOCUS_INDICATOR = """
            const style = getComputedStyle(arguments[0]);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return outline || style.boxShadow !== 'none';
            """;

    private final KeycloakServer keycloak;
    private final DirectLoginApi directLogin;

    AccessibilityBrowserIT(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.directLogin = new DirectLoginApi(keycloak, admin);
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
    void keyboardReachesTheNationalPortalFirstThenEveryFieldInOrder(int width) throws Exception {
        directLogin.switchOn("keyboard check");
        try (ChromiumBrowser browser = new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
            // Start from the top of the page, as a keyboard user arriving on it (the username field has autofocus).
            driver.findElement(By.id("kc-header-wrapper")).click();

            List<String> reached = new ArrayList<>();
            for (int press = 0; press < 15 && !reached.contains("kc-login"); press++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
                WebElement focused = driver.switchTo().activeElement();
                reached.add(focused.getAttribute("id"));
                assertThat((Boolean) driver.executeScript(FOCUS_INDICATOR, focused))
                        .as("a visible focus indicator on " + describe(focused)).isTrue();
                if ("bd-dvcqg-login".equals(focused.getAttribute("id")) || "password".equals(focused.getAttribute("id"))) {
                    browser.screenshot("keyboard-focus-" + focused.getAttribute("id") + "-" + width);
                }
            }

            assertThat(reached).as("focus order").containsSubsequence(
                    "login-select-toggle", "bd-dvcqg-login", "username", "password", "rememberMe", "kc-login");
            assertThat(reached.subList(0, reached.indexOf("bd-dvcqg-login")))
                    .as("only the language menu comes before the DVCQG button").containsExactly("login-select-toggle");
            assertEveryInputLabelled(driver);
            assertPageContrast(driver);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 375})
    void loginPagesMeetContrastInBothLanguages(int width) throws Exception {
        try (ChromiumBrowser browser = new ChromiumBrowser(width, width < 600 ? 812 : 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            driver.get(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
            assertPageContrast(driver);
            assertEveryInputLabelled(driver);

            PageChecks.switchLanguage(driver, "English", "en");
            assertPageContrast(driver);

            driver.get(keycloak.realmUrl() + "/protocol/openid-connect/logout");
            assertPageContrast(driver);
            assertEveryInputLabelled(driver);
        }
    }
}
