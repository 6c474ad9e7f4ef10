package vn.binhduong.keycloak.it.phones;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The stock {@code phone} client scope after an SMS login: the number the code went to is the user's
 * {@code phoneNumber}, verified, so an app asking for {@code scope=openid phone} gets {@code phone_number} and
 * {@code phone_number_verified} in the ID token and from userinfo. An administrator deleting the OTP phone (the
 * helpdesk path for a lost phone) leaves the number unverified.
 */
@ExtendWith(KeycloakExtension.class)
class PhoneClaimsIT {

    private static final String USERS = "/realms/" + KeycloakUnderTest.REALM + "/users/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;
    private final SmsOtpTestRealm realm;
    private final DirectLoginApi directLogin;

    PhoneClaimsIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = standIns.smsGateway();
        this.realm = new SmsOtpTestRealm(admin);
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    @Test
    void anSmsLoginProvesTheNumberForThePhoneScopeAndDeletingThePhoneUnverifiesIt() throws Exception {
        String client = realm.clientWithSmsOtp("phone-claims-it", Map.of("bd.smsCode.lifetime", "120", "bd.smsCode.resendCooldown", "60",
                "bd.smsCode.maxResends", "3", "bd.smsCode.phoneHourlyCap", "5", "bd.smsCode.ipHourlyCap", "100000"));
        String username = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = SmsOtpTestRealm.newPhone();
        String userId = realm.user(username, phone);
        assertThat(admin.get(USERS + userId).path("attributes").has("phoneNumber")).as("no number before the login").isFalse();
        directLogin.switchOn("phone claims test");
        OidcClient oidc = new OidcClient(keycloak.realmUrl(), client, null);

        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(oidc.authorizationUrl("openid phone"));
        browser.submit("form#kc-form-login", Map.of("username", username, "password", SmsOtpTestRealm.PASSWORD));
        browser.submit("form#bd-sms-otp-form", Map.of("code",
                gateway.lastCodeTo(SmsOtpTestRealm.national(phone)).orElseThrow()));
        JsonNode tokens = oidc.redeem(browser.redirectOut());

        JsonNode idToken = payload(tokens.path("id_token").asText());
        assertThat(idToken.path("phone_number").asText()).isEqualTo(phone);
        assertThat(idToken.path("phone_number_verified").asBoolean()).isTrue();
        JsonNode userinfo = userinfo(tokens.path("access_token").asText());
        assertThat(userinfo.path("phone_number").asText()).isEqualTo(phone);
        assertThat(userinfo.path("phone_number_verified").asBoolean()).isTrue();

        // Helpdesk: the official lost the phone; an administrator deletes it under the user's Credentials tab.
        String credentialId = null;
        for (JsonNode credential : admin.get(USERS + userId + "/credentials")) {
            if (credential.path("type").asText().equals(OtpPhones.CREDENTIAL_TYPE)) {
                credentialId = credential.path("id").asText();
            }
        }
        assertThat(admin.send("DELETE", USERS + userId + "/credentials/" + credentialId, null).statusCode()).isEqualTo(204);
        JsonNode attributes = admin.get(USERS + userId).path("attributes");
        assertThat(attributes.at("/phoneNumber/0").asText()).isEqualTo(phone);
        assertThat(attributes.at("/phoneNumberVerified/0").asText()).isEqualTo("false");
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private JsonNode userinfo(String accessToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.realmUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
