package vn.binhduong.keycloak.it.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.ServerClock;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;
import vn.binhduong.keycloak.standins.sms.SmsMessage;
import vn.binhduong.keycloak.standins.sms.TwilioStandIn;

/**
 * The sms-otp step in a real Keycloak, after username and password, with the code read from the stand-in gateway
 * (the {@code http} provider) or, after failover, from the Twilio stand-in (the {@code twilio} provider, the
 * gateway's secondary). Each test uses its own user and phone, so the hourly caps of one never touch another.
 * {@link SmsServerLogScanIT} and, at the end of the run, {@link vn.binhduong.keycloak.it.support.ServerLogScan} check that no code
 * and no phone number reached the server log.
 */
@ExtendWith(KeycloakExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmsOtpLoginIT {

    /** Past the realm's {@code quickLoginCheckMilliSeconds} (1 s): failures closer together lock the account at once. */
    private static final Duration PAST_QUICK_LOGIN_CHECK = Duration.ofSeconds(2);
    /** Past the short clients' one-second resend cooldown. */
    private static final Duration PAST_COOLDOWN = Duration.ofSeconds(2);
    /** Keycloak records brute-force failures off the request thread. */
    private static final Duration BRUTE_FORCE_WAIT = Duration.ofSeconds(20);

    private final KeycloakServer keycloak;
    private final SmsGatewayStandIn gateway;
    private final TwilioStandIn twilio;
    private final SmsOtpTestRealm realm;
    private final DirectLoginApi directLogin;
    private final AdminApi admin;

    SmsOtpLoginIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
        this.twilio = standIns.twilio();
        this.realm = new SmsOtpTestRealm(admin);
    }

    @AfterEach
    void gatewaysWorkAgain() {
        gateway.answerOk();
        twilio.answerOk();
    }

    private String standardClient() throws Exception {
        return realm.clientWithSmsOtp("sms-otp-it", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "60",
                "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "5", "bd.smsCode.ipHourlyCap", "100000"));
    }

    private String shortClient() throws Exception {
        return realm.clientWithSmsOtp("sms-otp-it-short", Map.of("bd.smsCode.lifetime", "3", "bd.smsCode.resendCooldown", "1",
                "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "5", "bd.smsCode.ipHourlyCap", "100000"));
    }

    private String cappedClient() throws Exception {
        return realm.clientWithSmsOtp("sms-otp-it-capped", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "1",
                "bd.smsCode.maxResends", "5", "bd.smsCode.phoneHourlyCap", "2", "bd.smsCode.ipHourlyCap", "100000"));
    }

    /** One resend and two sends per hour: any failed send counted against them would show. */
    private String tightClient() throws Exception {
        return realm.clientWithSmsOtp("sms-otp-it-tight", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "1",
                "bd.smsCode.maxResends", "1", "bd.smsCode.phoneHourlyCap", "2", "bd.smsCode.ipHourlyCap", "100000"));
    }

    /** A user with a fresh phone. */
    private record Person(String id, String username, String phone) {
        String national() {
            return SmsOtpTestRealm.national(phone);
        }
    }

    private Person person() throws Exception {
        String username = "sms-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = SmsOtpTestRealm.newPhone();
        return new Person(realm.user(username, phone), username, phone);
    }

    /** Opens the client's login and passes the password step. */
    private Browser passwordStep(String clientId, Person person, OidcClient oidc) throws Exception {
        directLogin.switchOn("SMS OTP tests");
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(oidc.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", person.username(), "password", SmsOtpTestRealm.PASSWORD));
        return browser;
    }

    private String codeFromGateway(Person person) {
        return gateway.lastCodeTo(person.national()).orElseThrow();
    }

    private List<LoggedRequest> twilioRequestsTo(Person person) {
        return twilio.requestsTo(person.phone());
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** The earlier code (when it differs) is refused, then the latest one completes the login. */
    private static void onlyTheLatestCodeSignsIn(Browser browser, String earlier, String latest) throws Exception {
        if (!earlier.equals(latest)) {
            browser.submit("form#bd-sms-otp-form", Map.of("code", earlier));
            assertThat(text(browser)).contains("Mã xác thực không đúng.");
        }
        browser.submit("form#bd-sms-otp-form", Map.of("code", latest));
        assertThat(browser.redirectOut()).as(text(browser)).isNotNull();
    }

    private static String text(Browser browser) {
        return browser.page().text();
    }

    @Test
    @Order(1)
    void theRightCodeSignsInAndTheGatewayGotTheExactRequest() throws Exception {
        String client = standardClient();
        Person person = person();
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), client, null);

        Browser browser = passwordStep(client, person, oidc);

        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).isNotNull();
        String masked = "+84 " + person.national().substring(1, 3) + "****" + person.phone().substring(person.phone().length() - 3);
        assertThat(text(browser)).contains(masked).doesNotContain(person.national()).doesNotContain(person.phone());
        assertThat(browser.page().selectFirst("#bd-sms-otp-resend").hasAttr("disabled")).isTrue();
        // The page is rendered right after the send; a loaded machine may take a few seconds.
        assertThat(Integer.parseInt(browser.page().selectFirst("#bd-sms-otp-countdown").attr("data-seconds"))).isBetween(110, 120);
        List<SmsMessage> sent = gateway.messagesTo(person.national());
        assertThat(sent).hasSize(1);
        String code = codeFromGateway(person);
        assertThat(sent.get(0).text()).isEqualTo("Mã xác thực của bạn là " + code + ". Mã có hiệu lực trong 120 giây.");
        assertThat(gateway.lastRequest().getHeader("Authorization")).isEqualTo("Bearer " + SmsGatewayStandIn.TOKEN);
        assertThat(gateway.lastRequest().getBodyAsString()).contains("\"brandname\":\"" + SmsGatewayStandIn.BRANDNAME + "\"");

        browser.submit("form#bd-sms-otp-form", Map.of("code", code));

        URI callback = browser.redirectOut();
        assertThat(callback).as(text(browser)).isNotNull();
        assertThat(oidc.redeem(callback).path("id_token").asText()).isNotEmpty();
    }

    @Test
    @Order(2)
    void fiveWrongCodesVoidTheCodeAndCountAsBruteForceFailures() throws Exception {
        String client = standardClient();
        Person person = person();
        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));
        String code = codeFromGateway(person);

        // Entered more than the realm's quick-login check (1 s) apart on the server's clock, each once Keycloak has
        // recorded the one before, so that brute-force detection does not lock the account before the code's own
        // cap is reached.
        try (ServerClock clock = new ServerClock(admin)) {
            for (int i = 1; i <= 4; i++) {
                browser.submit("form#bd-sms-otp-form", Map.of("code", wrong(code)));
                assertThat(text(browser)).contains("Mã xác thực không đúng.");
                int recorded = i;
                Eventually.await(BRUTE_FORCE_WAIT, "brute-force failure " + i,
                        () -> realm.bruteForceFailures(person.id()), failures -> failures >= recorded);
                clock.advance(PAST_QUICK_LOGIN_CHECK);
            }
            browser.submit("form#bd-sms-otp-form", Map.of("code", wrong(code)));
            assertThat(text(browser)).contains("Bạn đã nhập sai quá nhiều lần.");

            // The fifth failure also locked the account (failure factor 5): even the right code is refused,
            // uncompared, in a wrong code's words, as Keycloak's OTP form does.
            browser.submit("form#bd-sms-otp-form", Map.of("code", code));
            assertThat(browser.redirectOut()).isNull();
            assertThat(text(browser)).contains("Mã xác thực không đúng.");
            Eventually.await(BRUTE_FORCE_WAIT, "five brute-force failures",
                    () -> realm.bruteForceFailures(person.id()), failures -> failures >= 5);
        }
    }

    @Test
    @Order(3)
    void anExpiredCodeFails() throws Exception {
        String client = shortClient();
        Person person = person();
        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));
        String code = codeFromGateway(person);

        try (ServerClock clock = new ServerClock(admin)) {
            clock.advance(Duration.ofSeconds(4));
            browser.submit("form#bd-sms-otp-form", Map.of("code", code));
        }

        assertThat(browser.redirectOut()).isNull();
        assertThat(text(browser)).contains("Mã xác thực đã hết hạn.");
    }

    @Test
    @Order(4)
    void resendInsideTheCooldownIsRefusedAndSendsNothing() throws Exception {
        String client = standardClient();
        Person person = person();
        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));
        codeFromGateway(person);

        browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));

        assertThat(text(browser)).contains("Vui lòng chờ hết thời gian đếm ngược");
        assertThat(gateway.messagesTo(person.national())).hasSize(1);
    }

    @Test
    @Order(5)
    void resendAfterTheCooldownSendsANewCodeAndVoidsTheOldOne() throws Exception {
        String client = shortClient();
        Person person = person();
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), client, null);
        Browser browser = passwordStep(client, person, oidc);
        String first = codeFromGateway(person);

        try (ServerClock clock = new ServerClock(admin)) {
            clock.advance(PAST_COOLDOWN);
            browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
            assertThat(gateway.messagesTo(person.national())).hasSize(2);
            String second = codeFromGateway(person);
            onlyTheLatestCodeSignsIn(browser, first, second);
        }
    }

    @Test
    @Order(6)
    void reopeningTheStepSendsNothing() throws Exception {
        String client = standardClient();
        Person person = person();
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), client, null);
        Browser browser = passwordStep(client, person, oidc);
        String code = codeFromGateway(person);
        String restartCurrentStep = keycloak.realmUrl() + "/login-actions/authenticate?client_id=" + client
                + "&tab_id=" + browser.page().selectFirst("form#bd-sms-otp-form").absUrl("action").replaceAll(".*tab_id=([^&]+).*", "$1");

        browser.open(restartCurrentStep);
        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(browser.last().uri() + " " + text(browser)).isNotNull();
        browser.open(restartCurrentStep);
        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(browser.last().uri() + " " + text(browser)).isNotNull();

        assertThat(gateway.messagesTo(person.national())).hasSize(1);
        browser.submit("form#bd-sms-otp-form", Map.of("code", code));
        assertThat(browser.redirectOut()).as(text(browser)).isNotNull();
    }

    @Test
    @Order(7)
    void theHourlyCapPerPhoneHoldsAcrossLogins() throws Exception {
        String client = cappedClient();
        Person person = person();
        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));
        codeFromGateway(person);
        try (ServerClock clock = new ServerClock(admin)) {
            clock.advance(PAST_COOLDOWN);
            browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
            assertThat(gateway.messagesTo(person.national())).hasSize(2);
            clock.advance(PAST_COOLDOWN);

            browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
            assertThat(text(browser)).contains("Đã gửi quá nhiều mã trong một giờ.");

            Browser again = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));
            assertThat(text(again)).contains("Đã gửi quá nhiều mã trong một giờ.");
            assertThat(gateway.messagesTo(person.national())).hasSize(2);
        }
    }

    @Test
    @Order(8)
    void aGatewayAnswering500FailsOverOnceToTwilioWithTheExactRequestAndTheUserSignsIn() throws Exception {
        String client = standardClient();
        Person person = person();
        gateway.answer500();

        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));

        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(text(browser)).isNotNull();
        assertThat(text(browser)).doesNotContain("Không gửi được tin nhắn SMS");
        assertThat(gateway.messagesTo(person.national())).hasSize(1);
        List<LoggedRequest> toTwilio = twilioRequestsTo(person);
        assertThat(toTwilio).hasSize(1);
        LoggedRequest request = toTwilio.get(0);
        String code = new SmsMessage(person.phone(), TwilioStandIn.form(request).get("Body")).code().orElseThrow();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(TwilioStandIn.MESSAGES_PATH);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (TwilioStandIn.ACCOUNT_SID + ":" + TwilioStandIn.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(TwilioStandIn.form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", person.phone(),
                "MessagingServiceSid", TwilioStandIn.MESSAGING_SERVICE_SID,
                "Body", "Mã xác thực của bạn là " + code + ". Mã có hiệu lực trong 120 giây."));

        browser.submit("form#bd-sms-otp-form", Map.of("code", code));
        assertThat(browser.redirectOut()).as(text(browser)).isNotNull();
        assertThat(gateway.messagesTo(person.national())).hasSize(1);
        assertThat(twilioRequestsTo(person)).hasSize(1);
    }

    @Test
    @Order(9)
    void aGatewayThatHangsGivesAClearPageNoDoubleSendAndARetry() throws Exception {
        gateway.hang();
        failedSendGivesAClearPageAndARetryWorks();
    }

    @Test
    @Order(10)
    void aGatewayAnsweringGarbageGivesAClearPageNoDoubleSendAndARetry() throws Exception {
        gateway.answerGarbage();
        failedSendGivesAClearPageAndARetryWorks();
    }

    /** The answer may mean the message went out, so it is not sent again; the user gets a retry once the gateway is back. */
    private void failedSendGivesAClearPageAndARetryWorks() throws Exception {
        String client = standardClient();
        Person person = person();
        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));

        assertThat(text(browser)).contains("Không gửi được tin nhắn SMS lúc này.");
        assertThat(browser.page().selectFirst("#bd-sms-otp-resend").hasAttr("disabled")).isFalse();
        assertThat(gateway.messagesTo(person.national())).hasSize(1);
        assertThat(twilioRequestsTo(person)).as("no failover for a message the gateway may have taken").isEmpty();
        String unusable = codeFromGateway(person);

        gateway.answerOk();
        browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
        assertThat(text(browser)).contains("Mã xác thực đã được gửi.");
        String code = codeFromGateway(person);
        onlyTheLatestCodeSignsIn(browser, unusable, code);
    }

    @Test
    @Order(11)
    void bothProvidersAnswering500GiveAClearPageAndARetryAndCountTowardNoLimit() throws Exception {
        String client = tightClient();
        Person person = person();
        gateway.answer500();
        twilio.answer500();

        Browser browser = passwordStep(client, person, new OidcClient(keycloak.realmUrl(), client, null));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(text(browser)).as("attempt " + attempt).contains("Không gửi được tin nhắn SMS lúc này.")
                    .doesNotContain("Mã xác thực đã được gửi.");
            assertThat(browser.page().selectFirst("#bd-sms-otp-resend").hasAttr("disabled")).isFalse();
            assertThat(browser.page().selectFirst("#bd-sms-otp-resend").text()).isEqualTo("Thử gửi lại");
            assertThat(gateway.messagesTo(person.national())).hasSize(attempt);
            assertThat(twilioRequestsTo(person)).hasSize(attempt);
            if (attempt < 3) {
                browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
            }
        }

        // Three failed sends used neither the two sends per hour, nor the one resend, nor a cooldown.
        gateway.answerOk();
        twilio.answerOk();
        browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
        assertThat(text(browser)).contains("Mã xác thực đã được gửi.");
        String first = codeFromGateway(person);
        try (ServerClock clock = new ServerClock(admin)) {
            clock.advance(PAST_COOLDOWN);
            browser.submit("form#bd-sms-otp-resend-form", Map.of("resend", "true"));
            assertThat(text(browser)).contains("Mã xác thực đã được gửi.");
            assertThat(gateway.messagesTo(person.national())).hasSize(5);
            assertThat(twilioRequestsTo(person)).hasSize(3);
            onlyTheLatestCodeSignsIn(browser, first, codeFromGateway(person));
        }
    }

    @Test
    @Order(12)
    void aUserWithoutOtpPhoneIsRefusedWithAClearMessage() throws Exception {
        String client = standardClient();
        String username = "sms-nophone-" + UUID.randomUUID().toString().substring(0, 8);
        realm.user(username, null);
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());

        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));

        assertThat(browser.redirectOut()).isNull();
        assertThat(text(browser)).contains("Tài khoản chưa đăng ký số điện thoại nhận mã OTP.");
    }
}
