package vn.binhduong.keycloak.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * {@code /metrics} on the management port after a direct login with an SMS code: our {@code bd_*} meters count the
 * send, the refused resend, the wrong and the right code, the per-realm gauges follow the switch, Keycloak's
 * user-event meters count the login, and no label or value carries the phone number or the user id. Counters are
 * compared before and after, since other classes send SMS on the same server.
 */
@ExtendWith(KeycloakExtension.class)
class MetricsIT {

    private static final String REALM = KeycloakUnderTest.REALM;
    /** The gauges are refreshed every 10 s. */
    private static final Duration GAUGE_WAIT = Duration.ofSeconds(30);

    private final KeycloakServer keycloak;
    private final SmsGatewayStandIn gateway;
    private final SmsOtpTestRealm realm;
    private final DirectLoginApi directLogin;

    MetricsIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.gateway = standIns.smsGateway();
        this.realm = new SmsOtpTestRealm(admin);
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    private Scrape scrape() throws Exception {
        return Scrape.of(keycloak.managementUrl());
    }

    /** Reads /metrics until {@code condition} holds, at most {@link #GAUGE_WAIT}. */
    private Scrape scrapeUntil(Predicate<Scrape> condition) throws Exception {
        return Eventually.poll(GAUGE_WAIT, this::scrape, condition);
    }

    @Test
    void aDirectLoginWithAnSmsCodeShowsInTheMeters() throws Exception {
        String client = realm.clientWithSmsOtp("metrics-it", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "60",
                "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "5", "bd.smsCode.ipHourlyCap", "100000"));
        String username = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = SmsOtpTestRealm.newPhone();
        String userId = realm.user(username, phone);
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), client, null);
        directLogin.switchOn("metrics test");
        Scrape before = scrape();

        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(oidc.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));
        String code = gateway.lastCodeTo(SmsOtpTestRealm.national(phone)).orElseThrow();
        browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
        browser.submit("form#bd-sms-otp-form", Map.of("code", String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000)));
        browser.submit("form#bd-sms-otp-form", Map.of("code", code));
        assertThat(oidc.redeem(browser.redirectOut()).path("id_token").asText()).isNotEmpty();

        Scrape after = scrapeUntil(scrape -> scrape.sum("bd_direct_login_open", "realm", REALM) == 1);
        assertThat(delta(before, after, "bd_sms_sends_total", "provider", "http", "outcome", "sent")).isEqualTo(1);
        assertThat(delta(before, after, "bd_sms_send_duration_seconds_count", "provider", "http")).isEqualTo(1);
        assertThat(after.matching("bd_sms_send_duration_seconds_bucket", "provider", "http")).isNotEmpty();
        assertThat(delta(before, after, "bd_sms_send_refusals_total", "cap", "resend_cooldown", "budget", "login")).isEqualTo(1);
        assertThat(delta(before, after, "bd_sms_codes_verified_total", "outcome", "wrong")).isEqualTo(1);
        assertThat(delta(before, after, "bd_sms_codes_verified_total", "outcome", "valid")).isEqualTo(1);
        assertThat(delta(before, after, "keycloak_user_events_total", "realm", REALM, "event", "login", "error", ""))
                .isEqualTo(1);
        assertThat(after.sum("bd_direct_login_open", "realm", REALM)).isEqualTo(1);
        assertThat(after.sum("bd_direct_login_changed_timestamp_seconds", "realm", REALM)).isPositive();
        // The realm has the DVCQG identity provider, so exactly one of its three status rows is 1.
        assertThat(after.matching("bd_dvcqg_status", "realm", REALM)).hasSize(3);
        assertThat(after.sum("bd_dvcqg_status", "realm", REALM)).isEqualTo(1);
        assertThat(after.text()).doesNotContain(phone.substring(3)).doesNotContain(userId).doesNotContain(username);

        directLogin.switchOff();
        assertThat(scrapeUntil(scrape -> scrape.sum("bd_direct_login_open", "realm", REALM) == 0)
                .sum("bd_direct_login_open", "realm", REALM)).isZero();

        // After the login every meter exists: the dashboard and the alert rules name only meters the server has.
        Set<String> exposed = new TreeSet<>();
        after.samples().forEach(sample -> exposed.add(sample.name()));
        assertThat(metersNamedIn("docker/monitoring/grafana-dashboard.json")).isNotEmpty().isSubsetOf(exposed);
        assertThat(metersNamedIn("docker/monitoring/prometheus-alerts.yaml")).isNotEmpty().isSubsetOf(exposed);
    }

    private static Set<String> metersNamedIn(String file) throws Exception {
        Path root = Path.of(System.getProperty("bd.install.script")).toAbsolutePath().getParent().getParent();
        Matcher matcher = Pattern.compile("\\b(?:bd|keycloak)_[a-z][a-z0-9_]*").matcher(
                Files.readString(root.resolve(file), StandardCharsets.UTF_8));
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
