package vn.binhduong.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.binhduong.keycloak.it.theme.PageChecks.waitUpTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * The realm's account console theme {@code binhduong} (extends keycloak.v3): its messages in both languages,
 * including the OTP phone credential's, and its branding in a real Chromium after a DVCQG sign-in.
 */
@ExtendWith(KeycloakExtension.class)
class AccountThemeBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("bd.build.dir"), "screenshots");

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DvcqgStandIn dvcqg;

    AccountThemeBrowserIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.dvcqg = standIns.dvcqg();
    }

    @Test
    void realmUsesTheAccountThemeWithPhoneCredentialTextsInBothLanguages() throws Exception {
        assertThat(admin.get("/realms/" + KeycloakServer.REALM).path("accountTheme").asText()).isEqualTo("binhduong");

        Map<String, String> vi = accountMessages("vi");
        assertThat(vi).containsEntry("bdOtpPhoneTitle", "Số điện thoại nhận OTP")
                .containsEntry("bdOtpPhoneHelp", "Các số điện thoại nhận mã đăng nhập gồm 6 chữ số qua tin nhắn SMS.")
                .containsEntry("signingIn", "Cách đăng nhập")
                .containsEntry("personalInfo", "Thông tin cá nhân");
        Map<String, String> en = accountMessages("en");
        assertThat(en).containsEntry("bdOtpPhoneTitle", "OTP phone numbers")
                .containsEntry("bdOtpPhoneHelp", "The phone numbers that receive 6-digit sign-in codes by SMS.");
    }

    @Test
    void accountConsoleShowsTheBrandingInVietnamese() throws Exception {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver absent");
        String idNumber = "074090009901";
        if (admin.get("/realms/" + KeycloakServer.REALM + "/users?username=" + idNumber + "&exact=true").isEmpty()) {
            admin.createUser(idNumber, "Mk-" + System.nanoTime() + "a!A", "Phạm", "Thị Tài Khoản", "can-bo-mot-cua");
        }
        dvcqg.account("theme_account", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-THEME-ACCOUNT")
                .put("SoDinhDanh", idNumber).put("HoVaTen", "Phạm Thị Tài Khoản"));
        try (ChromiumBrowser browser = new ChromiumBrowser(1280, 900, SCREENSHOTS)) {
            ChromeDriver driver = browser.driver();
            driver.get(keycloak.realmUrl() + "/account/");
            waitUpTo(driver, 30).until(d -> !d.findElements(By.id("bd-dvcqg-login")).isEmpty());
            driver.findElement(By.id("bd-dvcqg-login")).click();
            waitUpTo(driver, 15).until(d -> d.getCurrentUrl().startsWith(dvcqg.baseUrl()));
            driver.get(dvcqg.pick(URI.create(driver.getCurrentUrl()), "theme_account"));

            browser.screenshot("account-console-loading");
            waitUpTo(driver, 90).until(d -> !d.findElements(By.cssSelector("[data-testid=page-header] img")).isEmpty()
                    && d.findElement(By.tagName("body")).getText().contains("Thông tin cá nhân"));

            WebElement logo = driver.findElement(By.cssSelector("[data-testid=page-header] img"));
            assertThat(logo.getAttribute("src")).endsWith("/account/binhduong/img/logo.svg");
            WebElement masthead = driver.findElement(By.cssSelector(".pf-v5-c-masthead"));
            assertThat(masthead.getCssValue("background-color")).isEqualTo("rgba(165, 14, 14, 1)");
            browser.screenshot("account-console-vi-1280");
            // The masthead's user menu: the console's "fullName" text, family name first.
            assertThat(masthead.getText()).contains("Phạm Thị Tài Khoản").doesNotContain("Thị Tài Khoản Phạm");

            driver.get(keycloak.realmUrl() + "/account/account-security/signing-in");
            waitUpTo(driver, 60).until(d -> d.findElement(By.tagName("body")).getText().contains("Cách đăng nhập"));
            // The credentials are fetched after the page's heading shows.
            waitUpTo(driver, 60).until(d -> !d.findElements(By.cssSelector("button.pf-m-secondary")).isEmpty());
            WebElement update = driver.findElement(By.cssSelector("button.pf-m-secondary"));
            assertThat(update.getCssValue("color")).as("secondary button in the brand colour").isEqualTo("rgba(165, 14, 14, 1)");
            PageChecks.assertContrast(driver, update, "the secondary button");
            browser.screenshot("account-signing-in-vi-1280");
        }
    }

    /** The account console's texts as it loads them: the realm's account theme, in one language. */
    private Map<String, String> accountMessages(String locale) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.baseUrl() + "/resources/" + KeycloakServer.REALM + "/account/" + locale)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> messages = new HashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(response.body())) {
            messages.put(entry.path("key").asText(), entry.path("value").asText());
        }
        return messages;
    }
}
