package vn.binhduong.keycloak.it.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/** An official of {@code can-bo-mot-cua} with a password and an OTP phone, signed in at motcua the only way there is. */
public final class SignedInOfficial {

    public static final String PASSWORD = "Abc@12345";
    public static final String GROUP = "/can-bo-mot-cua";

    public final String idNumber;
    public final String phoneE164;
    public final String userId;

    private SignedInOfficial(String idNumber, String phoneE164, String userId) {
        this.idNumber = idNumber;
        this.phoneE164 = phoneE164;
        this.userId = userId;
    }

    public static SignedInOfficial create(AdminApi admin, String idNumber, String phoneE164) throws Exception {
        return new SignedInOfficial(idNumber, phoneE164,
                OtpPhones.createUser(admin, idNumber, PASSWORD, "Đặng", "Thị Hoa", phoneE164, GROUP));
    }

    String nationalPhone() {
        return "0" + phoneE164.substring(3);
    }

    /** The browser, with its Keycloak session, and the tokens motcua got. */
    public record Session(Browser browser, JsonNode tokens) {
        public String accessToken() {
            return tokens.path("access_token").asText();
        }
    }

    /** Motcua's tokens for {@code scope} after the direct login: the password, then the SMS code. */
    public Session signIn(KeycloakServer keycloak, DirectLoginApi directLogin, SmsGatewayStandIn gateway, String scope)
            throws Exception {
        directLogin.switchOn("SignedInOfficial");
        try {
            Browser browser = new Browser(keycloak.baseUrl());
            OidcClient motcua = new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret());
            browser.open(motcua.authorizationUrl(scope));
            browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", PASSWORD));
            browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo(nationalPhone()).orElseThrow()));
            return new Session(browser, motcua.redeem(browser.redirectOut()));
        } finally {
            directLogin.switchOff();
        }
    }
}
