package vn.binhduong.keycloak.it.phones;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.ServerClock;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Registering and managing OTP phones in a real Keycloak: an official signed in through the DVCQG stand-in starts
 * {@code kc_action=bd-register-otp-phone} from the portal, passes the captcha stand-in, and proves the number with
 * the code read from the SMS gateway stand-in.
 */
@ExtendWith(KeycloakExtension.class)
class OtpPhoneRegistrationIT {

    static final String ACTION = "bd-register-otp-phone";
    private static final String ACTION_CONFIG = "/realms/" + KeycloakServer.REALM + "/authentication/required-actions/"
            + ACTION + "/config";
    private static final String SMS_OTP_CLIENT = "otp-phones-it";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DvcqgStandIn dvcqg;
    private final SmsGatewayStandIn gateway;
    private final SmsOtpTestRealm smsOtpRealm;

    OtpPhoneRegistrationIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.dvcqg = standIns.dvcqg();
        this.gateway = standIns.smsGateway();
        this.smsOtpRealm = new SmsOtpTestRealm(admin);
    }

    /**
     * Every test sends from loopback, so the per-IP cap is lifted (as the SMS OTP tests do); a password + SMS OTP flow
     * exists, which is also what makes Keycloak list the credential type in the account console.
     */
    @BeforeEach
    void realmReady() throws Exception {
        actionConfig(Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsCode.resendCooldown", "1"));
        smsOtpRealm.clientWithSmsOtp(SMS_OTP_CLIENT, Map.of("bd.smsCode.ipHourlyCap", "100000"));
    }

    @Test
    void anOfficialRegistersTheDvcqgPhoneAndSeesItInTheAccountConsoleList() throws Exception {
        String phone = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, phone);

        owner.startAction(ACTION);
        assertThat(owner.browser.page().selectFirst("form#bd-otp-phone-form")).as(owner.text()).isNotNull();
        assertThat(owner.browser.page().selectFirst("label[for=bd-otp-phone-source-dvcqg]").text()).contains(masked(phone));
        assertThat(owner.browser.last().body()).doesNotContain(national(phone)).doesNotContain(phone.substring(3));
        assertThat(owner.browser.page().selectFirst("select#country option[selected]").val()).isEqualTo("VN");
        assertThat(owner.browser.page().select("label[for=phone], label[for=country]")).hasSize(2);
        assertThat(owner.browser.page().selectFirst("#bd-captcha")).isNotNull();

        submitNumber(owner, Map.of("source", "dvcqg"));
        assertThat(owner.text()).contains("Mã xác thực đã được gửi đến số điện thoại " + masked(phone));
        assertThat(storedPhones(owner)).isEmpty();
        assertThat(phoneClaimAttributes(owner)).as("DVCQG's number, not yet proven").containsExactly(phone, "false");
        enterCode(owner, phone);

        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        assertThat(owner.backAtThePortal().getQuery()).contains("kc_action_status=success");
        assertThat(phoneClaimAttributes(owner)).as("proven by its code").containsExactly(phone, "true");
        JsonNode type = accountCredentialType(owner.tokens().get("access_token").asText());
        assertThat(type.get("displayName").asText()).isEqualTo("bdOtpPhoneTitle");
        assertThat(type.get("category").asText()).isEqualTo("two-factor");
        assertThat(type.get("createAction").asText()).isEqualTo(ACTION);
        assertThat(type.get("removeable").asBoolean()).as("removed only through " + ACTION + ":delete.<id>").isFalse();
        JsonNode listed = type.get("userCredentialMetadatas");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/credential/userLabel").asText()).isEqualTo(masked(phone));
        assertThat(listed.get(0).at("/infoMessage/key").asText()).isEqualTo("bdOtpPhoneReceiverInfo");
        assertThat(storedPhones(owner)).containsExactly(phone + " receiver");
        assertThat(admin.get(PhoneOwner.USERS + "/" + owner.userId).at("/attributes/bd_otp_phone_binding/0").asText())
                .hasSize(64).doesNotContain(phone.substring(3));
    }

    @Test
    void twoNumbersThatMaskAlikeAreBothRegisteredUnderDistinctLabels() throws Exception {
        // Same carrier prefix and last three digits: "+84 32****678" both, which Keycloak would take for one label.
        String first = "+8432" + ThreadLocalRandom.current().nextInt(1000, 5000) + "678";
        String second = "+8432" + ThreadLocalRandom.current().nextInt(5000, 10_000) + "678";
        PhoneOwner owner = registeredOwner(first);

        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "other", "country", "VN", "phone", national(second)));
        enterCode(owner, second);

        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        assertThat(storedPhones(owner)).containsExactly(first + " receiver", second);
        List<String> labels = new ArrayList<>();
        for (JsonNode credential : admin.get(PhoneOwner.USERS + "/" + owner.userId + "/credentials")) {
            if (OtpPhones.CREDENTIAL_TYPE.equals(credential.path("type").asText())) {
                labels.add(credential.path("userLabel").asText());
            }
        }
        assertThat(labels).containsExactlyInAnyOrder("+84 32****678", "+84 32****678 (2)");
    }

    @Test
    void aSecondNumberBecomesTheReceiverTheFirstIsDeletedAndTheNextLoginCodeGoesToTheReceiver() throws Exception {
        String first = SmsOtpTestRealm.newPhone();
        String second = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = registeredOwner(first);

        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "other", "country", "VN", "phone", spaced(national(second))));
        enterCode(owner, second);
        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        assertThat(storedPhones(owner)).containsExactly(first + " receiver", second);

        owner.startAction(ACTION + ":receiver." + credentialId(owner, second));
        assertThat(owner.text()).contains(masked(second));
        owner.browser.submit("form#bd-otp-phone-receiver-form", Map.of("makeReceiver", "true"));
        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        assertThat(storedPhones(owner)).containsExactly(first, second + " receiver");

        owner.startAction(ACTION + ":delete." + credentialId(owner, first));
        assertThat(owner.text()).contains(masked(first));
        owner.browser.submit("form#bd-otp-phone-delete-form", Map.of("deletePhone", "true"));
        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        assertThat(storedPhones(owner)).containsExactly(second + " receiver");

        int toFirst = gateway.messagesTo(national(first)).size();
        Browser login = passwordStep(owner);
        assertThat(login.page().selectFirst("form#bd-sms-otp-form")).as(login.page().text()).isNotNull();
        assertThat(login.page().text()).contains(masked(second));
        login.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo(national(second)).orElseThrow()));
        assertThat(login.redirectOut()).as(login.page().text()).isNotNull();
        assertThat(gateway.messagesTo(national(first))).hasSize(toFirst);
    }

    @Test
    void updatingANumberReplacesItOnlyOnceTheNewNumberIsProven() throws Exception {
        String old = SmsOtpTestRealm.newPhone();
        String replacement = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = registeredOwner(old);
        String id = credentialId(owner, old);

        owner.startAction(ACTION + ":update." + id);
        assertThat(owner.text()).contains("Cập nhật số điện thoại").contains(masked(old))
                .contains("Mã xác thực OTP sẽ được gửi đến số điện thoại mới");
        submitNumber(owner, Map.of("source", "other", "country", "VN", "phone", national(replacement)));
        assertThat(storedPhones(owner)).containsExactly(old + " receiver");
        enterCode(owner, replacement);

        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        assertThat(storedPhones(owner)).containsExactly(replacement + " receiver");
        assertThat(credentialId(owner, replacement)).isEqualTo(id);
        assertThat(phoneClaimAttributes(owner)).containsExactly(replacement, "true");
    }

    /** {@code phoneNumber} and {@code phoneNumberVerified}, which the stock phone scope maps to its claims. */
    private List<String> phoneClaimAttributes(PhoneOwner owner) throws Exception {
        JsonNode attributes = admin.get(PhoneOwner.USERS + "/" + owner.userId).path("attributes");
        return List.of(attributes.at("/phoneNumber/0").asText(), attributes.at("/phoneNumberVerified/0").asText());
    }

    @Test
    void anUnprovenNumberIsNotStored() throws Exception {
        String phone = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, phone);
        String other = SmsOtpTestRealm.newPhone();

        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "other", "country", "VN", "phone", national(other)));
        String code = gateway.lastCodeTo(national(other)).orElseThrow();
        owner.browser.submit("form#bd-otp-phone-code-form", Map.of("code", wrong(code)));

        assertThat(owner.text()).contains("Mã xác thực không đúng.");
        assertThat(owner.backAtThePortal()).isNull();
        assertThat(storedPhones(owner)).isEmpty();

        owner.browser.submit("form#bd-otp-phone-change-form", Map.of("changeNumber", "true"));
        assertThat(owner.browser.page().selectFirst("form#bd-otp-phone-form")).isNotNull();
        assertThat(storedPhones(owner)).isEmpty();
    }

    @Test
    void anExpiredCodeStoresNothing() throws Exception {
        actionConfig(Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsCode.resendCooldown", "1", "bd.smsCode.lifetime", "2"));
        String phone = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, phone);
        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "dvcqg"));
        String code = gateway.lastCodeTo(national(phone)).orElseThrow();

        try (ServerClock clock = new ServerClock(admin)) {
            clock.advance(Duration.ofSeconds(3));
            owner.browser.submit("form#bd-otp-phone-code-form", Map.of("code", code));
        }

        assertThat(owner.text()).contains("Mã xác thực đã hết hạn.");
        assertThat(storedPhones(owner)).isEmpty();
    }

    @Test
    void aNumberBoundToAnotherAccountIsRefusedEvenOnceProven() throws Exception {
        String taken = SmsOtpTestRealm.newPhone();
        OtpPhones.createUser(admin, "phones-holder-" + UUID.randomUUID().toString().substring(0, 8), SmsOtpTestRealm.PASSWORD,
                "Phạm", "Thị Giữ", taken);
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, taken);

        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "dvcqg"));
        enterCode(owner, taken);

        assertThat(owner.backAtThePortal()).isNull();
        assertThat(owner.text()).contains("Số điện thoại này đã được đăng ký cho một tài khoản khác");
        assertThat(storedPhones(owner)).isEmpty();
    }

    @Test
    void aFailedCaptchaStopsTheStepBeforeAnySms() throws Exception {
        String phone = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, phone);

        owner.startAction(ACTION);
        owner.browser.submit("form#bd-otp-phone-form", Map.of("source", "dvcqg", CaptchaStandIn.FORM_FIELD, "not-solved"));

        assertThat(owner.text()).contains("Tôi không phải là người máy");
        assertThat(owner.browser.page().selectFirst("form#bd-otp-phone-form")).isNotNull();
        assertThat(gateway.messagesTo(national(phone))).isEmpty();
        assertThat(storedPhones(owner)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "VN, 09l2345678, chỉ được gồm chữ số",
            "VN, 03269, quá ngắn",
            "VN, 03269265651234567, quá dài",
            "VN, 02743822222, số điện thoại cố định",
            "FR, 0612345678, Chỉ chấp nhận số điện thoại di động Việt Nam",
            "VN, +33612345678, Chỉ chấp nhận số điện thoại di động Việt Nam",
            "VN, '', Vui lòng nhập số điện thoại",
    })
    void badInputGetsItsOwnMessageAndSendsNothing(String country, String typed, String message) throws Exception {
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, SmsOtpTestRealm.newPhone());
        int sent = gateway.messages().size();

        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "other", "country", country, "phone", typed));

        assertThat(owner.text()).contains(message);
        assertThat(owner.browser.page().selectFirst("input#phone").val()).isEqualTo(typed);
        assertThat(gateway.messages()).hasSize(sent);
        assertThat(storedPhones(owner)).isEmpty();
    }

    @Test
    void adminsSeeThePhonesMaskedAndTheirDeleteMakesTheNextPhoneTheReceiver() throws Exception {
        String first = SmsOtpTestRealm.newPhone();
        String second = SmsOtpTestRealm.newPhone();
        PhoneOwner owner = registeredOwner(first);
        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "other", "country", "VN", "phone", national(second)));
        enterCode(owner, second);

        JsonNode credentials = admin.get(PhoneOwner.USERS + "/" + owner.userId + "/credentials");
        List<String> labels = new ArrayList<>();
        credentials.forEach(c -> labels.add(c.path("type").asText() + " " + c.path("userLabel").asText()));
        assertThat(labels).contains(OtpPhones.CREDENTIAL_TYPE + " " + masked(first), OtpPhones.CREDENTIAL_TYPE + " " + masked(second));

        HttpResponse<String> deleted = admin.send("DELETE", PhoneOwner.USERS + "/" + owner.userId + "/credentials/"
                + credentialId(owner, first), null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(storedPhones(owner)).containsExactly(second + " receiver");
        assertThat(admin.get(PhoneOwner.USERS + "/" + owner.userId).at("/attributes/bd_otp_phone_binding")).hasSize(1);

        Browser login = passwordStep(owner);
        assertThat(login.page().text()).contains(masked(second));
        assertThat(gateway.lastCodeTo(national(second))).isPresent();
    }

    @Test
    void aUserWithoutPhoneIsSentToTheActionByTheSmsOtpStepAndSignsInOnceTheNumberIsProven() throws Exception {
        String client = smsOtpRealm.clientWithSmsOtp(SMS_OTP_CLIENT + "-register",
                Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsOtp.noPhone", "REGISTER_PHONE"));
        String username = "phones-new-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(username, SmsOtpTestRealm.PASSWORD, "Võ", "Thị Mới", "/can-bo-mot-cua");
        String phone = SmsOtpTestRealm.newPhone();
        new DirectLoginApi(keycloak, admin).switchOn("OTP phone tests");
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());

        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));
        assertThat(browser.page().selectFirst("form#bd-otp-phone-form")).as(browser.page().text()).isNotNull();
        assertThat(browser.page().selectFirst("#bd-otp-phone-source-dvcqg")).isNull();
        assertThat(browser.page().selectFirst("#bd-otp-phone-cancel")).isNull();
        browser.submit("form#bd-otp-phone-form", Map.of("source", "other", "country", "VN", "phone", national(phone),
                CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN));
        browser.submit("form#bd-otp-phone-code-form", Map.of("code", gateway.lastCodeTo(national(phone)).orElseThrow()));

        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
        String userId = admin.get(PhoneOwner.USERS + "?username=" + username + "&exact=true").get(0).get("id").asText();
        assertThat(admin.get(PhoneOwner.USERS + "/" + userId).path("requiredActions")).isEmpty();
        JsonNode credentials = admin.get(PhoneOwner.USERS + "/" + userId + "/credentials");
        assertThat(credentials.toString()).contains(OtpPhones.CREDENTIAL_TYPE).contains(masked(phone));
    }

    // --- steps ---

    /** An official who registered {@code phone} (their DVCQG number) through the action. */
    private PhoneOwner registeredOwner(String phone) throws Exception {
        PhoneOwner owner = PhoneOwner.signIn(keycloak, admin, dvcqg, phone);
        owner.startAction(ACTION);
        submitNumber(owner, Map.of("source", "dvcqg"));
        enterCode(owner, phone);
        assertThat(owner.backAtThePortal()).as(owner.text()).isNotNull();
        return owner;
    }

    private static void submitNumber(PhoneOwner owner, Map<String, String> fields) throws Exception {
        Map<String, String> all = new HashMap<>(fields);
        all.put(CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN);
        owner.browser.submit("form#bd-otp-phone-form", all);
    }

    private void enterCode(PhoneOwner owner, String phone) throws Exception {
        assertThat(owner.browser.page().selectFirst("form#bd-otp-phone-code-form")).as(owner.text()).isNotNull();
        owner.browser.submit("form#bd-otp-phone-code-form",
                Map.of("code", gateway.lastCodeTo(national(phone)).orElseThrow()));
    }

    /** The password step of the SMS OTP test flow, as a one-stop-shop official with a password. */
    private Browser passwordStep(PhoneOwner owner) throws Exception {
        admin.send("PUT", PhoneOwner.USERS + "/" + owner.userId + "/reset-password",
                Map.of("type", "password", "value", SmsOtpTestRealm.PASSWORD, "temporary", false));
        String group = admin.get("/realms/" + KeycloakServer.REALM + "/groups?search=can-bo-mot-cua&exact=true").get(0).get("id").asText();
        admin.send("PUT", PhoneOwner.USERS + "/" + owner.userId + "/groups/" + group, null);
        new DirectLoginApi(keycloak, admin).switchOn("OTP phone tests");
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), SMS_OTP_CLIENT, null).authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", owner.username, "password", SmsOtpTestRealm.PASSWORD));
        return browser;
    }

    /** The user's phones as "E.164[ receiver]", in stored order, read through the admin REST API. */
    private List<String> storedPhones(PhoneOwner owner) throws Exception {
        List<String> phones = new ArrayList<>();
        for (JsonNode credential : admin.get(PhoneOwner.USERS + "/" + owner.userId + "/credentials")) {
            if (OtpPhones.CREDENTIAL_TYPE.equals(credential.path("type").asText())) {
                JsonNode data = new ObjectMapper().readTree(credential.path("credentialData").asText());
                phones.add(data.path("phone").asText() + (data.path("receiver").asBoolean() ? " receiver" : ""));
            }
        }
        return phones;
    }

    private String credentialId(PhoneOwner owner, String phone) throws Exception {
        for (JsonNode credential : admin.get(PhoneOwner.USERS + "/" + owner.userId + "/credentials")) {
            if (credential.path("credentialData").asText().contains("\"" + phone + "\"")) {
                return credential.path("id").asText();
            }
        }
        throw new IllegalStateException("no credential for the phone");
    }

    private JsonNode accountCredentialType(String accessToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.realmUrl() + "/account/credentials"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode type : new ObjectMapper().readTree(response.body())) {
            if (OtpPhones.CREDENTIAL_TYPE.equals(type.path("type").asText())) {
                return type;
            }
        }
        throw new AssertionError("no " + OtpPhones.CREDENTIAL_TYPE + " in " + response.body());
    }

    private void actionConfig(Map<String, String> config) throws Exception {
        HttpResponse<String> response = admin.send("PUT", ACTION_CONFIG, Map.of("config", config));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    static String national(String phoneE164) {
        return SmsOtpTestRealm.national(phoneE164);
    }

    private static String spaced(String national) {
        return national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
    }

    static String masked(String phoneE164) {
        return "+84 " + phoneE164.substring(3, 5) + "****" + phoneE164.substring(phoneE164.length() - 3);
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
