package vn.binhduong.keycloak.it.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;
import vn.binhduong.keycloak.standins.sms.SmsMessage;

/**
 * The SMS text is in the realm's default locale (Vietnamese), not the user's: a brandname gateway delivers only the
 * template registered with the carrier. An official whose account is in English reads the pages in English and
 * still gets the Vietnamese SMS.
 */
@ExtendWith(KeycloakExtension.class)
class SmsTextLanguageIT {

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;
    private final SmsOtpTestRealm realm;
    private final DirectLoginApi directLogin;

    SmsTextLanguageIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = standIns.smsGateway();
        this.realm = new SmsOtpTestRealm(admin);
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    @Test
    void anEnglishSpeakingOfficialGetsTheVietnameseText() throws Exception {
        String client = realm.clientWithSmsOtp("sms-text-language-it", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "60",
                "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "5", "bd.smsCode.ipHourlyCap", "100000"));
        String username = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = SmsOtpTestRealm.newPhone();
        String userId = realm.user(username, phone);
        String path = "/realms/" + KeycloakUnderTest.REALM + "/users/" + userId;
        ObjectNode user = (ObjectNode) admin.get(path);
        user.with("attributes").putArray("locale").add("en");
        assertThat(admin.send("PUT", path, user).statusCode()).isEqualTo(204);
        directLogin.switchOn("SMS text language test");

        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), client, null).authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));

        assertThat(browser.page().selectFirst("html").attr("lang")).as("the pages follow the user").isEqualTo("en");
        List<SmsMessage> sent = gateway.messagesTo(SmsOtpTestRealm.national(phone));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).text()).startsWith("Mã xác thực của bạn là ");
    }
}
