package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertNoRawMessageKeys;
import static vn.binhduong.keycloak.it.theme.PageChecks.assertNoSidewaysScrolling;
import static vn.binhduong.keycloak.it.theme.PageChecks.waitUpTo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * "Đăng ký OTP" in the account console, by clicks only, as the province's letter describes it: the menu entry, the
 * list of the official's phones (number, which one receives the codes), "Thêm mới", "Cập nhật" with a code to the
 * new number, "Nhận mã OTP" and "Xóa"; in headless Chromium at 1280 px (Vietnamese) and 375 px (English and
 * Vietnamese), with no raw message key on any page of the way.
 */
@ExtendWith(KeycloakExtension.class)
class AccountOtpPhonesBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");
    private static final String REALM = "/realms/" + KeycloakServer.REALM;
    /** The page's address: the console routes a module entry only by the pattern of its content route. */
    private static final String PAGE = "/account/content/:componentId";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DvcqgStandIn dvcqg;
    private final SmsGatewayStandIn gateway;

    AccountOtpPhonesBrowserIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.dvcqg = standIns.dvcqg();
        this.gateway = standIns.smsGateway();
    }

    @BeforeEach
    void needsChromiumAndNoIpCap() throws Exception {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
        // Every test sends from loopback: the action's per-IP cap is lifted, as the other SMS tests do.
        HttpResponse<String> config = admin.send("PUT", REALM + "/authentication/required-actions/bd-register-otp-phone/config",
                Map.of("config", Map.of("bd.smsCode.ipHourlyCap", "100000")));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(204);
    }

    @Test
    void anOfficialAddsUpdatesChoosesAndDeletesPhonesByClicksInVietnamese() throws Exception {
        String userId = official("074090000601", "+84912000601", "otp_phones_vi");
        try (ChromiumBrowser browser = new ChromiumBrowser(1280, 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            signIn(driver, "otp_phones_vi");

            // One click from the console's home.
            By menu = By.cssSelector("a[data-testid='content/:componentId']");
            waitUpTo(driver, 60).until(d -> !d.findElements(menu).isEmpty());
            assertThat(driver.findElement(menu).getText().strip()).isEqualTo("Đăng ký OTP");
            driver.findElement(menu).click();
            List<WebElement> rows = awaitRows(driver, 1);
            assertThat(rows.get(0).getText()).contains("1", "0912 000 601", "Đang nhận mã OTP", "Cập nhật", "Xóa");
            assertThat(driver.findElement(By.id("bd-otp-phone-add")).getText()).isEqualTo("Thêm mới");
            assertNoRawMessageKeys(driver, "list");
            browser.screenshot("account-otp-phones-vi-1280");

            driver.findElement(By.id("bd-otp-phone-add")).click();
            enterNumber(driver, browser, "0912000602", "account-otp-phone-add-vi-1280");
            assertThat(driver.findElement(By.id("bd-otp-phone-code-submit")).getText()).isEqualTo("Đăng ký");
            enterCode(driver, "0912000602");
            rows = awaitRows(driver, 2);
            assertThat(rows.get(1).getText()).contains("2", "0912 000 602", "Nhận mã OTP");

            String second = phoneId(rows.get(1));
            driver.findElement(By.id("bd-otp-phone-make-receiver-" + second)).click();
            waitUpTo(driver, 30).until(d -> !d.findElements(By.id("bd-otp-phone-make-receiver")).isEmpty());
            assertThat(driver.findElement(By.id("bd-otp-phone-target")).getText()).contains("+84 91");
            assertNoRawMessageKeys(driver, "receiver");
            browser.screenshot("account-otp-phone-receiver-vi-1280");
            driver.findElement(By.id("bd-otp-phone-make-receiver")).click();
            rows = awaitRows(driver, 2);
            assertThat(driver.findElement(By.id("bd-otp-phone-" + second)).getText()).contains("Đang nhận mã OTP");

            String first = phoneId(rows.get(0));
            driver.findElement(By.id("bd-otp-phone-update-" + first)).click();
            waitUpTo(driver, 30).until(d -> !d.findElements(By.id("bd-otp-phone-old")).isEmpty());
            assertThat(driver.findElement(By.id("kc-page-title")).getText()).isEqualTo("Cập nhật số điện thoại");
            enterNumber(driver, browser, "0912000603", "account-otp-phone-update-vi-1280");
            assertThat(driver.findElement(By.id("bd-otp-phone-target")).getText()).contains("số điện thoại mới", "hoàn tất cập nhật");
            assertThat(driver.findElement(By.id("bd-otp-phone-code-submit")).getText()).isEqualTo("Lưu lại");
            // The resend hint, rewritten each second by the page's script: the quotes stay quotes.
            WebElement hint = driver.findElement(By.id("bd-otp-phone-cooldown"));
            String rendered = hint.getText();
            waitUpTo(driver, 10).until(d -> !hint.getText().equals(rendered));
            assertThat(hint.getText()).contains("\"Gửi lại\"").doesNotContain("&quot;");
            enterCode(driver, "0912000603");
            awaitRows(driver, 2);
            assertThat(driver.findElement(By.id("bd-otp-phones")).getText()).contains("0912 000 603").doesNotContain("0912 000 601");

            driver.findElement(By.id("bd-otp-phone-delete-" + first)).click();
            waitUpTo(driver, 30).until(d -> !d.findElements(By.id("bd-otp-phone-delete")).isEmpty());
            assertNoRawMessageKeys(driver, "delete");
            browser.screenshot("account-otp-phone-delete-vi-1280");
            driver.findElement(By.id("bd-otp-phone-delete")).click();
            rows = awaitRows(driver, 1);
            assertThat(rows.get(0).getText()).contains("0912 000 602", "Đang nhận mã OTP");

            // Keycloak's own page lists the same phones, with a readable "set up" link.
            driver.get(keycloak.realmUrl() + "/account/account-security/signing-in");
            waitUpTo(driver, 60).until(d -> d.findElement(By.tagName("body")).getText().contains("Thiết lập số điện thoại nhận OTP"));
            assertNoRawMessageKeys(driver, "signing in");
        }
        assertThat(admin.get(REALM + "/users/" + userId + "/credentials").findValuesAsText("type"))
                .filteredOn(OtpPhones.CREDENTIAL_TYPE::equals).hasSize(1);
    }

    @Test
    void thePagesFitA375PxScreenInEnglishAndVietnamese() throws Exception {
        String userId = official("074090000602", "+84912000611", "otp_phones_en");
        setLocale(userId, "en");
        try (ChromiumBrowser browser = new ChromiumBrowser(375, 812, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            signIn(driver, "otp_phones_en");
            driver.get(keycloak.realmUrl() + PAGE);
            List<WebElement> rows = awaitRows(driver, 1);
            assertThat(driver.findElement(By.id("bd-otp-phones-title")).getText()).isEqualTo("OTP registration");
            assertThat(rows.get(0).getText()).contains("0912 000 611", "Receives the codes", "Update", "Delete");
            assertNoRawMessageKeys(driver, "list, en");
            assertNoSidewaysScrolling(driver);
            browser.screenshot("account-otp-phones-en-375");

            driver.findElement(By.id("bd-otp-phone-add")).click();
            enterNumber(driver, browser, "0912000612", "account-otp-phone-add-en-375");
            assertNoSidewaysScrolling(driver);
            enterCode(driver, "0912000612");
            awaitRows(driver, 2);

            setLocale(userId, "vi");
            driver.get(keycloak.realmUrl() + PAGE);
            waitUpTo(driver, 60).until(d -> !d.findElements(By.id("bd-otp-phones-title")).isEmpty()
                    && d.findElement(By.id("bd-otp-phones-title")).getText().equals("Đăng ký OTP"));
            awaitRows(driver, 2);
            assertNoRawMessageKeys(driver, "list, vi");
            assertNoSidewaysScrolling(driver);
            browser.screenshot("account-otp-phones-vi-375");
        }
    }

    /** An official with one OTP phone whom the DVCQG stand-in knows under {@code account}. */
    private String official(String idNumber, String phone, String account) throws Exception {
        String userId = OtpPhones.createUser(admin, idNumber, "Mk-" + System.nanoTime() + "a!A", "Võ", "Thị Đăng Ký",
                phone, "/can-bo-mot-cua");
        dvcqg.account(account, DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-" + account)
                .put("SoDinhDanh", idNumber).put("HoVaTen", "Võ Thị Đăng Ký"));
        return userId;
    }

    private void setLocale(String userId, String locale) throws Exception {
        ObjectNode user = (ObjectNode) admin.get(REALM + "/users/" + userId);
        // The other attributes (the phone bindings among them) stay: a PUT replaces the whole map.
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.putArray("locale").add(locale);
        assertThat(admin.send("PUT", REALM + "/users/" + userId, user).statusCode()).isEqualTo(204);
    }

    private void signIn(ChromeDriver driver, String account) {
        driver.get(keycloak.realmUrl() + "/account/");
        waitUpTo(driver, 30).until(d -> !d.findElements(By.id("bd-dvcqg-login")).isEmpty());
        driver.findElement(By.id("bd-dvcqg-login")).click();
        waitUpTo(driver, 15).until(d -> d.getCurrentUrl().startsWith(dvcqg.baseUrl()));
        driver.get(dvcqg.pick(URI.create(driver.getCurrentUrl()), account));
        waitUpTo(driver, 90).until(d -> !d.findElements(By.cssSelector("[data-testid=page-header] img")).isEmpty());
    }

    /** The registration page of the action: "another number", the number, the captcha's token, then the code page. */
    private void enterNumber(ChromeDriver driver, ChromiumBrowser browser, String national, String screenshot) throws Exception {
        waitUpTo(driver, 60).until(d -> !d.findElements(By.id("phone")).isEmpty());
        assertNoRawMessageKeys(driver, "number page");
        assertThat(driver.findElement(By.cssSelector("#country option:checked")).getText()).startsWith("+84");
        browser.screenshot(screenshot);
        driver.findElements(By.id("bd-otp-phone-source-other")).forEach(WebElement::click);
        driver.findElement(By.id("phone")).sendKeys(national);
        // The reCAPTCHA script cannot load here; the token a solved widget leaves is put in the form instead.
        driver.executeScript("var f = document.getElementById('bd-otp-phone-form'); var i = document.createElement('input');"
                + "i.type = 'hidden'; i.name = arguments[0]; i.value = arguments[1]; f.appendChild(i);",
                CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN);
        driver.findElement(By.id("bd-otp-phone-submit")).click();
        waitUpTo(driver, 30).until(d -> !d.findElements(By.id("bd-otp-phone-code-form")).isEmpty());
        assertNoRawMessageKeys(driver, "code page");
        browser.screenshot(screenshot + "-code");
    }

    private void enterCode(ChromeDriver driver, String national) {
        driver.findElement(By.id("code")).sendKeys(gateway.lastCodeTo(national).orElseThrow());
        driver.findElement(By.id("bd-otp-phone-code-submit")).click();
    }

    /** Back on "Đăng ký OTP" (through the console's own sign-in on its way back) with this many phones. */
    private static List<WebElement> awaitRows(ChromeDriver driver, int count) {
        By rows = By.cssSelector("#bd-otp-phones tbody tr");
        try {
            waitUpTo(driver, 90).until(d -> d.getCurrentUrl().contains(PAGE)
                    && d.findElements(rows).size() == count);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object phones = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(location.pathname.split('/account')[0] + '/bd-otp-phones').then(r => r.text().then(t => done(r.status + ' ' + t)), x => done(String(x)));");
            Object loaded = driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name).join(' ')"
                    + " + ' MAIN: ' + (document.querySelector('main') || document.body).innerHTML.slice(0, 3000);");
            throw new AssertionError("no " + count + " phone rows at " + driver.getCurrentUrl() + "; loaded: " + loaded
                    + "; bd-otp-phones: " + phones
                    + "; browser log: " + driver.manage().logs().get("browser").getAll() + "; page:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return driver.findElements(rows);
    }

    private static String phoneId(WebElement row) {
        return row.getAttribute("id").substring("bd-otp-phone-".length());
    }
}
