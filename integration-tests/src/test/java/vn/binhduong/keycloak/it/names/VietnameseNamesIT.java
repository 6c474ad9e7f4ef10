package vn.binhduong.keycloak.it.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

/** Full names as Vietnamese write them, family name first, in the tokens apps read and in the account console. */
@ExtendWith(KeycloakExtension.class)
class VietnameseNamesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;

    VietnameseNamesIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
    }

    @Test
    void theNameClaimPutsTheFamilyNameFirstAndKeepsBothParts() throws Exception {
        OtpPhones.createUser(admin, "074090000401", "Abc@12345", "Nguyễn", "Văn An", "+84912000401", "/can-bo-mot-cua");
        directLogin.switchOn("VietnameseNamesIT");
        JsonNode tokens;
        try {
            OidcClient app = new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret());
            Browser browser = new Browser(keycloak.baseUrl());
            browser.open(app.authorizationUrl());
            browser.submit("form#kc-form-login", Map.of("username", "074090000401", "password", "Abc@12345"));
            browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo("0912000401").orElseThrow()));
            tokens = app.redeem(browser.redirectOut());
        } finally {
            directLogin.switchOff();
        }

        for (String token : new String[]{tokens.path("id_token").asText(), tokens.path("access_token").asText()}) {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertThat(claims.getStringClaim("name")).isEqualTo("Nguyễn Văn An");
            assertThat(claims.getStringClaim("family_name")).isEqualTo("Nguyễn");
            assertThat(claims.getStringClaim("given_name")).isEqualTo("Văn An");
        }
        HttpResponse<String> userinfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.realmUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(userinfo.body()).path("name").asText()).as(userinfo.body()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void theRealmsClientsCarryTheScopeByDefault() throws Exception {
        String realm = "/realms/" + KeycloakUnderTest.REALM;
        assertThat(admin.get(realm + "/default-default-client-scopes").findValuesAsText("name"))
                .contains("bd-vietnamese-name", "profile", "email", "roles", "basic");
        for (String clientId : new String[]{"motcua", "dichvucong"}) {
            String id = admin.get(realm + "/clients?clientId=" + clientId).get(0).path("id").asText();
            assertThat(admin.get(realm + "/clients/" + id + "/default-client-scopes").findValuesAsText("name"))
                    .as(clientId).contains("bd-vietnamese-name", "profile");
        }
    }

    @Test
    void theAccountConsolePrintsTheFamilyNameFirstInBothLanguages() throws Exception {
        for (String locale : new String[]{"vi", "en"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(keycloak.baseUrl() + "/resources/" + KeycloakServer.REALM + "/account/" + locale)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String fullName = null;
            for (JsonNode entry : JSON.readTree(response.body())) {
                if ("fullName".equals(entry.path("key").asText())) {
                    fullName = entry.path("value").asText();
                }
            }
            assertThat(fullName).as(locale).isEqualTo("{{familyName}} {{givenName}}");
        }
    }
}
