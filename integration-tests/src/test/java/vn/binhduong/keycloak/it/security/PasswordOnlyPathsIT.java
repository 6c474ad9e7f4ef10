package vn.binhduong.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Every way to a token other than the browser flow, tried with an official's right ID number and password: the
 * password grant on every client the realm has (and on one an administrator adds later), offline tokens, token
 * exchange, the device grant, and what a bearer token can do to the OTP phone through the account REST API.
 */
@ExtendWith(KeycloakExtension.class)
class PasswordOnlyPathsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "/realms/" + KeycloakServer.REALM;
    private static final String LATER_CLIENT = "bd-added-later";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    PasswordOnlyPathsIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
    }

    @AfterEach
    void cleanUp() throws Exception {
        directLogin.switchOff();
        for (JsonNode client : admin.get(REALM + "/clients?clientId=" + LATER_CLIENT)) {
            admin.send("DELETE", REALM + "/clients/" + client.path("id").asText(), null);
        }
    }

    @Test
    void noClientOfTheRealmIssuesTokensForAPassword() throws Exception {
        SignedInOfficial official = SignedInOfficial.create(admin, "074095000001", SmsOtpTestRealm.newPhone());
        assertThat(admin.get(REALM).path("directGrantFlow").asText()).isEqualTo("bd-direct-grant");
        List<String> granted = new ArrayList<>();
        int attempts = 0;
        for (boolean switchOn : List.of(false, true)) {
            if (switchOn) {
                directLogin.switchOn("PasswordOnlyPathsIT");
            }
            for (JsonNode client : admin.get(REALM + "/clients")) {
                HttpResponse<String> response = passwordGrant(client, official);
                attempts++;
                if (response.statusCode() == 200 || response.body().contains("access_token")) {
                    granted.add(client.path("clientId").asText() + (switchOn ? " (switch on)" : ""));
                }
            }
        }
        directLogin.switchOff();

        // An administrator adds a public client with direct access grants on, and later turns them on again.
        HttpResponse<String> created = admin.send("POST", REALM + "/clients", Map.of("clientId", LATER_CLIENT,
                "publicClient", true, "standardFlowEnabled", true, "directAccessGrantsEnabled", true,
                "redirectUris", List.of(OidcClient.APP_REDIRECT_BASE + "/*")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode later = admin.get(REALM + "/clients?clientId=" + LATER_CLIENT).get(0);
        assertThat(later.path("directAccessGrantsEnabled").asBoolean()).as("turned off by the realm's client policy").isFalse();
        attempts++;
        if (passwordGrant(later, official).statusCode() == 200) {
            granted.add(LATER_CLIENT);
        }
        Map<String, Object> reopened = JSON.convertValue(later, Map.class);
        reopened.put("directAccessGrantsEnabled", true);
        reopened.put("authenticationFlowBindingOverrides", Map.of("direct_grant", flowId("bd-browser")));
        admin.send("PUT", REALM + "/clients/" + later.path("id").asText(), reopened);
        later = admin.get(REALM + "/clients/" + later.path("id").asText());
        attempts++;
        if (passwordGrant(later, official).statusCode() == 200) {
            granted.add(LATER_CLIENT + " (flow override, grants turned on again)");
        }

        assertThat(granted).as("clients that issued tokens for a password alone").isEmpty();
        assertThat(later.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(userEvents(official, "LOGIN")).as("no login event for the official").isEmpty();
        SecurityReport.record("01-password-grant", "No client of the realm issues tokens for a password alone",
                attempts + " password grants with the right ID number and password: every client of the realm, switch off "
                        + "and on, plus a client an administrator adds later with direct grants on and a flow override",
                granted.size() + " tokens; the added client's direct grants turned off by the realm's client policy",
                "PasswordOnlyPathsIT#noClientOfTheRealmIssuesTokensForAPassword");
    }

    @Test
    void relyingAppsGetNoOfflineTokenAndNoOtherGrant() throws Exception {
        SignedInOfficial official = SignedInOfficial.create(admin, "074095000002", SmsOtpTestRealm.newPhone());
        List<String> offline = new ArrayList<>();
        for (String app : List.of("motcua", "dichvucong")) {
            var browser = new vn.binhduong.keycloak.it.support.Browser(keycloak.baseUrl());
            browser.open(new OidcClient(keycloak.realmUrl(), app, null).authorizationUrl("openid offline_access"));
            URI refused = browser.redirectOut();
            assertThat(refused).as(app + " asking for offline_access").isNotNull();
            assertThat(refused.getRawQuery()).as(app).contains("error=invalid_scope").doesNotContain("code=");
            offline.add(app + ": invalid_scope");
        }
        SignedInOfficial.Session session = official.signIn(keycloak, directLogin, gateway, "openid");
        JsonNode refresh = claims(session.tokens().path("refresh_token").asText());
        assertThat(refresh.path("typ").asText()).as("an online session's refresh token").isEqualTo("Refresh");

        HttpResponse<String> exchange = token(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "client_id", "motcua", "client_secret", keycloak.motcuaSecret(), "subject_token", session.accessToken(),
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token"));
        assertThat(exchange.statusCode()).as(exchange.body()).isBetween(400, 499);
        HttpResponse<String> device = post(keycloak.realmUrl() + "/protocol/openid-connect/auth/device",
                Map.of("client_id", "dichvucong"));
        assertThat(device.statusCode()).as(device.body()).isBetween(400, 499);
        SecurityReport.record("01b-other-grants", "Relying apps get no offline token; token exchange and the device grant "
                        + "are refused", "motcua and dichvucong asking for offline_access; a token exchange of motcua's "
                        + "access token; a device authorization request", String.join(", ", offline)
                        + "; refresh token typ " + refresh.path("typ").asText() + "; exchange " + exchange.statusCode()
                        + "; device " + device.statusCode(),
                "PasswordOnlyPathsIT#relyingAppsGetNoOfflineTokenAndNoOtherGrant");
    }

    @Test
    void aBearerTokenAloneRemovesNoOtpPhone() throws Exception {
        SignedInOfficial official = SignedInOfficial.create(admin, "074095000003", SmsOtpTestRealm.newPhone());
        SignedInOfficial.Session session = official.signIn(keycloak, directLogin, gateway, "openid");
        String credentialId = otpPhoneId(official);

        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl()
                        + "/account/credentials/" + credentialId)).header("Authorization", "Bearer " + session.accessToken())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).as(delete.body()).isBetween(400, 499);
        session.browser().open(new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret()).authorizationUrl()
                + "&kc_action=" + URLEncoder.encode("delete_credential:" + credentialId, StandardCharsets.UTF_8));
        session.browser().page().select("form").stream().findFirst().ifPresent(form -> {
            try {
                session.browser().post(form.absUrl("action"), Map.of("accept", ""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(otpPhoneId(official)).as("the OTP phone is still there").isEqualTo(credentialId);
        SecurityReport.record("01c-account-api", "A bearer token alone removes no OTP phone",
                "DELETE /account/credentials/{id} with the official's access token; Keycloak's delete_credential action",
                "HTTP " + delete.statusCode() + "; the phone stays (removal only through bd-register-otp-phone:delete, "
                        + "which re-authenticates)", "PasswordOnlyPathsIT#aBearerTokenAloneRemovesNoOtpPhone");
    }

    private HttpResponse<String> passwordGrant(JsonNode client, SignedInOfficial official) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(Map.of("grant_type", "password",
                "client_id", client.path("clientId").asText(), "username", official.idNumber,
                "password", SignedInOfficial.PASSWORD, "scope", "openid offline_access"));
        if (!client.path("publicClient").asBoolean() && !client.path("bearerOnly").asBoolean()) {
            HttpResponse<String> secret = admin.send("GET", REALM + "/clients/" + client.path("id").asText() + "/client-secret", null);
            if (secret.statusCode() == 200) {
                String value = JSON.readTree(secret.body()).path("value").asText();
                if (!value.isEmpty()) {
                    params.put("client_secret", value);
                }
            }
        }
        return token(params);
    }

    private HttpResponse<String> token(Map<String, String> params) throws Exception {
        return post(keycloak.realmUrl() + "/protocol/openid-connect/token", params);
    }

    private HttpResponse<String> post(String url, Map<String, String> params) throws Exception {
        String form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String flowId(String alias) throws Exception {
        for (JsonNode flow : admin.get(REALM + "/authentication/flows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow.path("id").asText();
            }
        }
        throw new IllegalStateException("no flow " + alias);
    }

    private String otpPhoneId(SignedInOfficial official) throws Exception {
        for (JsonNode credential : admin.get(REALM + "/users/" + official.userId + "/credentials")) {
            if (OtpPhones.CREDENTIAL_TYPE.equals(credential.path("type").asText())) {
                return credential.path("id").asText();
            }
        }
        return null;
    }

    private List<JsonNode> userEvents(SignedInOfficial official, String type) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        admin.get(REALM + "/events?type=" + type + "&user=" + official.userId + "&max=100").forEach(events::add);
        return events;
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
