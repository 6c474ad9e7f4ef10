package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhduong.keycloak.it.theme.PageChecks.waitUpTo;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;

/**
 * An administrator turns direct login on and off in the Keycloak admin console: the realm settings' tab
 * {@code bd-direct-login} (declarative UI), driven in a real Chromium, checked against the switch's REST endpoint.
 * One admin-console session serves every test; each test starts from the switch off and leaves it off.
 */
@ExtendWith(KeycloakExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleDirectLoginBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");
    private static final String TAB_PATH = "/" + KeycloakServer.REALM + "/realm-settings/bd-direct-login";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** The switch's own fields: what a save through the console writes, or leaves alone when refused. */
    private static final List<String> SWITCH_FIELDS = List.of("enabled", "reason", "expiresAt", "changedBy", "changedAt");

    /** True if a tab's link lies wholly inside the visible part of its tab strip. */
    private static final String SHOWN_IN_STRIP = """
            const link = arguments[0].getBoundingClientRect();
            const strip = arguments[0].closest('ul').getBoundingClientRect();
            return link.left >= strip.left && link.right <= strip.right;
            """;

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final ObjectMapper json = new ObjectMapper();
    private ObjectNode masterRealm;
    private ChromiumBrowser browser;
    private ChromeDriver driver;

    AdminConsoleDirectLoginBrowserIT(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    @BeforeAll
    void logInToTheAdminConsole() throws Exception {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
        // Our admin theme (Keycloak's console without the "could not save item!" prefix), as the README says to set.
        masterRealm = (ObjectNode) admin.get("/realms/master");
        assertThat(admin.send("PUT", "/realms/master", masterRealm.deepCopy().put("adminTheme", "binhduong"))
                .statusCode()).isEqualTo(204);
        browser = new ChromiumBrowser(1280, 900, SCREENSHOTS);
        driver = browser.driver();
        driver.get(consoleUrl());
        waitUpTo(driver, 60).until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(KeycloakUnderTest.ADMIN_USER);
        driver.findElement(By.id("password")).sendKeys(keycloak.adminPassword());
        driver.findElement(By.id("kc-login")).click();
        // The console is up once its header and the current realm show.
        try {
            waitUpTo(driver, 120).until(d -> d.getCurrentUrl().startsWith(consoleUrl())
                    && !d.findElements(By.cssSelector("[data-testid=page-header]")).isEmpty()
                    && !d.findElements(By.cssSelector("[data-testid=currentRealm]")).isEmpty());
        } catch (RuntimeException e) {
            browser.screenshot("admin-console-login-failed");
            System.err.println(driver.getCurrentUrl() + "\n" + driver.getPageSource());
            throw e;
        }
    }

    @AfterEach
    void leaveTheSwitchOff() throws Exception {
        directLogin.switchOff();
    }

    @AfterAll
    void closeTheBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (masterRealm != null) {
            admin.send("PUT", "/realms/master", masterRealm);
        }
    }

    /** From the console's home, "Realm settings" in the menu (no tab in the address): the tab is there at once. */
    @Test
    void tabIsThereWhenArrivingThroughTheRealmSettingsMenu() throws Exception {
        driver.get("about:blank");
        driver.get(consoleUrl() + "#/" + KeycloakServer.REALM);
        By menuItem = By.cssSelector("nav a[href$='/" + KeycloakServer.REALM + "/realm-settings']");
        waitUpTo(driver, 90).until(d -> !d.findElements(menuItem).isEmpty());
        driver.findElement(menuItem).click();
        waitUpTo(driver, 60).until(d -> d.getCurrentUrl().endsWith("/realm-settings")
                && !d.findElements(By.cssSelector("[data-testid=rs-general-tab]")).isEmpty());

        waitUpTo(driver, 30).until(d -> !d.findElements(tabLink()).isEmpty());
        scrollToTheTab();
        browser.screenshot("admin-console-realm-settings-from-menu-1280");
        driver.findElement(tabLink()).click();
        waitUpTo(driver, 30).until(d -> d.getCurrentUrl().endsWith(TAB_PATH) && formShown(d));
    }

    @Test
    void tabIsOnRealmSettingsAndShowsTheSwitchOff() throws Exception {
        directLogin.switchOff();
        // As an administrator gets there: Realm settings opens on General, the tab is the last of the strip.
        driver.get("about:blank");
        driver.get(consoleUrl() + "#/" + KeycloakServer.REALM + "/realm-settings/general");
        waitUpTo(driver, 90).until(d -> !d.findElements(tabLink()).isEmpty());
        scrollToTheTab();
        driver.findElement(tabLink()).click();
        waitUpTo(driver, 30).until(d -> d.getCurrentUrl().endsWith(TAB_PATH) && formShown(d));
        browser.screenshot("admin-console-direct-login-tab-1280");

        WebElement tab = driver.findElement(tabLink());
        assertThat(tab.getText().strip()).isIn("Đăng nhập trực tiếp", "Direct login");
        assertThat(tab.findElement(By.xpath("./ancestor::li[1]")).getAttribute("class")).contains("pf-m-current");
        assertThat(switchIsOn()).isFalse();
    }

    @Test
    void adminTurnsItOnWithReasonAndExpiry() throws Exception {
        directLogin.switchOff();
        openTab();

        ZonedDateTime expiry = ZonedDateTime.now(VIETNAM).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        setSwitch(true);
        typeInto("textarea[data-testid=reason]", "DVCQG không gửi được OTP (thử từ trình duyệt)");
        typeInto("input[data-testid=expiresAt]", EXPIRY_FORMAT.format(expiry));
        browser.screenshot("admin-console-direct-login-filled-1280");

        WebElement alert = save();
        assertThat(alert.getAttribute("class")).as("a success alert: " + alert.getText()).contains("pf-m-success");
        assertThat(alert.getText()).containsAnyOf("Đã lưu thành công", "Saved successfully");
        browser.screenshot("admin-console-direct-login-saved-on-1280");

        JsonNode state = switchState();
        assertThat(state.path("enabled").asBoolean()).isTrue();
        assertThat(state.path("reason").asText()).isEqualTo("DVCQG không gửi được OTP (thử từ trình duyệt)");
        assertThat(state.path("expiresAt").asLong()).isCloseTo(expiry.toEpochSecond(), Offset.offset(60L));
        assertThat(state.path("changedBy").asText()).isEqualTo("master/admin");

        // Reopened, the tab shows what was saved.
        openTab();
        assertThat(switchIsOn()).isTrue();
        assertThat(field("textarea[data-testid=reason]").getAttribute("value"))
                .isEqualTo("DVCQG không gửi được OTP (thử từ trình duyệt)");
        assertThat(field("input[data-testid=expiresAt]").getAttribute("value")).isEqualTo(EXPIRY_FORMAT.format(expiry));

        // Off as an administrator does it: only the switch flipped, the reason and the expiry left in their fields.
        setSwitch(false);
        WebElement off = save();
        assertThat(off.getAttribute("class")).as("a success alert: " + off.getText()).contains("pf-m-success");
        JsonNode offState = switchState();
        assertThat(offState.path("enabled").asBoolean()).isFalse();
        assertThat(offState.hasNonNull("expiresAt")).as("turning off drops the expiry: " + offState).isFalse();
        assertThat(offState.hasNonNull("reason")).as("the reason for switching on is not the reason for switching off: "
                + offState).isFalse();
        openTab();
        assertThat(switchIsOn()).isFalse();
        assertThat(field("input[data-testid=expiresAt]").getAttribute("value")).isEmpty();
    }

    @Test
    void turningItOnWithoutReasonOrWithAnImpossibleTimeIsRefusedInVietnamese() throws Exception {
        directLogin.switchOff();
        JsonNode before = switchState();
        openTab();

        setSwitch(true);
        typeInto("textarea[data-testid=reason]", "");
        WebElement alert = save();
        assertThat(alert.getAttribute("class")).as("a danger alert: " + alert.getText()).contains("pf-m-danger");
        assertThat(alert.getText().toLowerCase()).contains("lý do");
        // One sentence of ours, without the console's own prefix (dropped by the binhduong admin theme).
        assertThat(alert.getText()).doesNotContain("could not save", "không thể lưu");
        browser.screenshot("admin-console-direct-login-missing-reason-1280");

        assertUnchanged(before);

        typeInto("textarea[data-testid=reason]", "DVCQG gián đoạn");
        typeInto("input[data-testid=expiresAt]", "31/02/2026 25:00");
        WebElement badTime = save();
        assertThat(badTime.getAttribute("class")).as("a danger alert: " + badTime.getText()).contains("pf-m-danger");
        assertThat(badTime.getText()).contains("ngày/tháng/năm giờ:phút");
        assertUnchanged(before);
    }

    @Test
    void tabMirrorsRestChangesAndTurnsItOffAndOnAgain() throws Exception {
        directLogin.switchOn("DVCQG gián đoạn (REST)");
        openTab();
        assertThat(switchIsOn()).isTrue();
        assertThat(field("textarea[data-testid=reason]").getAttribute("value")).isEqualTo("DVCQG gián đoạn (REST)");

        directLogin.switchOff();
        openTab();
        assertThat(switchIsOn()).as("off after the REST change").isFalse();
        browser.screenshot("admin-console-direct-login-off-after-rest-1280");

        setSwitch(true);
        typeInto("textarea[data-testid=reason]", "Bật lại từ bảng quản trị");
        typeInto("input[data-testid=expiresAt]", "");
        assertThat(save().getAttribute("class")).contains("pf-m-success");
        JsonNode on = switchState();
        assertThat(on.path("enabled").asBoolean()).isTrue();
        assertThat(on.path("reason").asText()).isEqualTo("Bật lại từ bảng quản trị");
        assertThat(on.hasNonNull("expiresAt")).as("no expiry: " + on).isFalse();

        setSwitch(false);
        assertThat(save().getAttribute("class")).contains("pf-m-success");
        JsonNode off = switchState();
        assertThat(off.path("enabled").asBoolean()).isFalse();
        assertThat(off.path("changedBy").asText()).isEqualTo("master/admin");
        browser.screenshot("admin-console-direct-login-turned-off-1280");
    }

    private String consoleUrl() {
        return keycloak.baseUrl() + "/admin/master/console/";
    }

    /** The strip scrolls with its forward button until the tab shows. */
    private void scrollToTheTab() {
        waitUpTo(driver, 30).until(d -> {
            if (Boolean.TRUE.equals(driver.executeScript(SHOWN_IN_STRIP, d.findElement(tabLink())))) {
                return true;
            }
            d.findElement(By.cssSelector("[aria-label='realm-settings-tabs'] button[aria-label='Scroll forward']")).click();
            return false;
        });
    }

    private static By tabLink() {
        return By.cssSelector("a.pf-v5-c-tabs__link[href$='" + TAB_PATH + "']");
    }

    /** A fresh load of the tab, so the form reads the switch as it is now. */
    private void openTab() {
        driver.get("about:blank");
        driver.get(consoleUrl() + "#" + TAB_PATH);
        waitUpTo(driver, 90).until(d -> !d.findElements(tabLink()).isEmpty() && formShown(d));
    }

    private static boolean formShown(WebDriver driver) {
        return !driver.findElements(By.cssSelector("[data-testid=save]")).isEmpty()
                && !driver.findElements(By.cssSelector("input[data-testid=enabled]")).isEmpty();
    }

    private WebElement field(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private boolean switchIsOn() {
        return field("input[data-testid=enabled]").isSelected();
    }

    /** Clicks the PatternFly switch (its label: the checkbox itself is transparent) until it shows the wanted state. */
    private void setSwitch(boolean on) {
        if (switchIsOn() != on) {
            field("input[data-testid=enabled]").findElement(By.xpath("./parent::label")).click();
        }
        waitUpTo(driver, 10).until(d -> switchIsOn() == on);
    }

    /** Replaces a field's text with keystrokes, so the console's form sees every change. */
    private void typeInto(String css, String text) {
        WebElement input = field(css);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
        waitUpTo(driver, 10).until(d -> text.equals(field(css).getAttribute("value")));
    }

    /** Dismisses earlier alerts, clicks Save and returns the alert the save raises. */
    private WebElement save() {
        By alerts = By.cssSelector("[data-testid=global-alerts] .pf-v5-c-alert");
        // An alert may also close itself (after 8 s) under the click: the wait then looks again.
        waitUpTo(driver, 15).until(d -> {
            List<WebElement> closeButtons = d.findElements(By.cssSelector("[data-testid=global-alerts] .pf-v5-c-alert__action button"));
            closeButtons.forEach(WebElement::click);
            return d.findElements(alerts).isEmpty();
        });
        field("[data-testid=save]").click();
        waitUpTo(driver, 30).until(d -> !d.findElements(alerts).isEmpty());
        return driver.findElement(By.cssSelector("[data-testid=last-alert]"));
    }

    private JsonNode switchState() throws Exception {
        HttpResponse<String> response = directLogin.get(admin.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The switch's own fields are as {@code before}: a refused save wrote nothing. */
    private void assertUnchanged(JsonNode before) throws Exception {
        JsonNode after = switchState();
        for (String field : SWITCH_FIELDS) {
            assertThat(after.path(field)).as(field + " unchanged").isEqualTo(before.path(field));
        }
    }
}
