package vn.binhduong.keycloak.it.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.security.SecurityReport;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.ServerLogScan;
import vn.binhduong.keycloak.it.support.StandIns;

/**
 * The {@link ServerLogScan} wherever this class runs in the suite: it first signs in once with an SMS code of its
 * own (a wrong code, a resend, the right code), so there is always something to find, then scans every SMS of the
 * run so far. The same scan runs again over the whole run before the server stops ({@link KeycloakExtension}).
 */
@ExtendWith(KeycloakExtension.class)
class SmsServerLogScanIT {

    @Test
    void theServerLogHoldsNoCodeNoTextAndNoFullPhoneNumberOfAnySmsSent(KeycloakServer keycloak, AdminApi admin,
            StandIns standIns)
            throws Exception {
        signInWithAnSmsCode(keycloak, admin, standIns);

        ServerLogScan.Result scan = ServerLogScan.run(keycloak, admin, standIns);

        assertThat(keycloak.log()).contains("Keycloak").contains("started");
        assertThat(scan.smsScanned()).as("this class's own SMS at least").isPositive();
        assertThat(scan.findings()).isEmpty();
        SecurityReport.record("06-log-and-event-scan", "No code, full phone number or password reaches the log or the events",
                "the server log (" + scan.logKiB() + " KiB) and every user event and admin event of ours, "
                        + "searched for the " + scan.smsScanned() + " SMS sent so far in the run (code, text, phone in "
                        + "national and 84 forms) and the suite's passwords; again over the whole run at its end",
                "0 codes, 0 SMS texts, 0 full phone numbers, 0 passwords",
                "SmsServerLogScanIT#theServerLogHoldsNoCodeNoTextAndNoFullPhoneNumberOfAnySmsSent");
    }

    /** A login that sends two codes (first and resend), enters a wrong one and then the right one. */
    private static void signInWithAnSmsCode(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        SmsOtpTestRealm realm = new SmsOtpTestRealm(admin);
        String client = realm.clientWithSmsOtp("sms-log-scan-it", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "0",
                "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "5", "bd.smsCode.ipHourlyCap", "100000"));
        String username = "sms-scan-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = SmsOtpTestRealm.newPhone();
        realm.user(username, phone);
        new DirectLoginApi(keycloak, admin).switchOn("SMS log scan");
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));
        browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
        String code = standIns.smsGateway().lastCodeTo(SmsOtpTestRealm.national(phone)).orElseThrow();
        browser.submit("form#bd-sms-otp-form", Map.of("code", String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000)));
        browser.submit("form#bd-sms-otp-form", Map.of("code", code));
        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
    }
}
