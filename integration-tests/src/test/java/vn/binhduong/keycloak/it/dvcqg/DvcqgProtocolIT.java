package vn.binhduong.keycloak.it.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;
import vn.binhduong.keycloak.standins.dvcqg.IdTokenFlaw;
import vn.binhduong.keycloak.standins.dvcqg.TokenRequest;
import vn.binhduong.keycloak.it.support.StandIns;

/**
 * The OAuth 2.0 side of the DVCQG broker against the stand-in, which behaves as a strict authorization server
 * (one-time codes, client authentication, PKCE, signed id_tokens): replays, DVCQG's troubles, the id_token
 * checks, and each protocol option an admin can set.
 */
@ExtendWith(KeycloakExtension.class)
class DvcqgProtocolIT {

    private static final String REALM = "/realms/" + KeycloakServer.REALM;
    private static final String UNAVAILABLE = "Không kết nối được với Cổng Dịch vụ công Quốc gia";
    private static final String INVALID_ID_TOKEN = "Phản hồi đăng nhập từ Cổng Dịch vụ công Quốc gia không hợp lệ";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DvcqgStandIn dvcqg;
    private DvcqgIdpSettings settings;

    DvcqgProtocolIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.dvcqg = standIns.dvcqg();
    }

    @BeforeEach
    void newAccountsAllowed() throws Exception {
        settings = new DvcqgIdpSettings(admin);
        FirstBrokerLoginSetting.allowNewAccounts(admin, true);
    }

    @AfterEach
    void back() throws Exception {
        dvcqg.healthy();
        settings.restore();
        FirstBrokerLoginSetting.allowNewAccounts(admin, false);
    }

    @Test
    void aReplayedCallbackIsRefusedWithoutAskingDvcqgAgain() throws Exception {
        citizen("replay_case", "074091000001");
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        String callback = dvcqg.callback(login.toDvcqg(), "replay_case");
        login.browser.open(callback);
        String userId = login.idTokenClaims().get("sub").asText();
        int tokenRequests = dvcqg.tokenRequests().size();

        Browser attacker = new Browser(keycloak.baseUrl());
        attacker.open(callback);
        login.browser.open(callback);

        assertThat(attacker.redirectOut()).as("the replay from another browser signs nobody in").isNull();
        assertThat(dvcqg.tokenRequests()).as("the code is never redeemed twice").hasSize(tokenRequests);
        assertThat(admin.get(REALM + "/users/" + userId + "/sessions")).hasSize(1);
    }

    @Test
    void aCodeDvcqgAlreadyRedeemedGivesOurPageAndAnEvent() throws Exception {
        citizen("used_code_case", "074091000002");
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.browser.open(dvcqg.usedCallback(login.toDvcqg(), "used_code_case"));

        assertBackOnTheLoginPage(login, "mã đăng nhập đã được dùng hoặc đã hết hạn");
        assertThat(lastDvcqgLoginError().path("error").asText()).isEqualTo("invalid_code");
        assertNoUser("074091000002");
    }

    @Test
    void dvcqgDownBrokenOrAnsweringGarbageGivesOurPageAndAnEvent() throws Exception {
        citizen("trouble_case", "074091000003");
        Map<String, Runnable> troubles = new LinkedHashMap<>();
        troubles.put("connections cut", dvcqg::unreachable);
        troubles.put("token endpoint answering 503", () -> dvcqg.tokenEndpointAnswers(503, "{\"error\":\"temporarily_unavailable\"}"));
        troubles.put("client refused (a wrong secret)", () -> dvcqg.tokenEndpointAnswers(401, "{\"error\":\"invalid_client\"}"));
        troubles.put("token endpoint answering garbage", () -> dvcqg.tokenEndpointAnswers(200, "<html>Hệ thống đang bảo trì</html>"));
        troubles.put("token without access_token", () -> dvcqg.tokenEndpointAnswers(200, "{\"token_type\":\"Bearer\"}"));

        for (Map.Entry<String, Runnable> trouble : troubles.entrySet()) {
            dvcqg.healthy();
            DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
            login.toDvcqg();
            trouble.getValue().run();

            login.browser.open(dvcqg.pick(login.authorizeUrl, "trouble_case"));

            assertBackOnTheLoginPage(login, UNAVAILABLE);
            JsonNode event = lastDvcqgLoginError();
            assertThat(event.path("error").asText()).as(trouble.getKey()).isEqualTo("bd_dvcqg_unavailable");
            assertThat(event.at("/details/identity_provider").asText()).isEqualTo("dvcqg");
        }
        assertNoUser("074091000003");
    }

    @Test
    void theConfiguredReadTimeoutBoundsTheTokenRequest() throws Exception {
        citizen("slow_token_case", "074091000004");
        settings.set(Map.of("bd.dvcqg.readTimeoutMs", "1000"));
        dvcqg.slowTokenEndpoint(Duration.ofSeconds(4));
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        login.toDvcqg();

        long start = System.nanoTime();
        login.browser.open(dvcqg.pick(login.authorizeUrl, "slow_token_case"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).as("gave up after the 1 s read timeout, not after DVCQG's 4 s").isLessThan(Duration.ofMillis(3500));
        assertBackOnTheLoginPage(login, UNAVAILABLE);
        assertThat(lastDvcqgLoginError().at("/details/reason").asText()).contains("SocketTimeoutException");
        assertNoUser("074091000004");
    }

    @Test
    void aValidIdTokenIsAcceptedAndEachFlawIsRefusedWhenValidationIsOn() throws Exception {
        settings.set(Map.of("bd.dvcqg.validateIdToken", "true"));
        citizen("signed_case", "074091000005");
        DvcqgLogin good = new DvcqgLogin(keycloak, dvcqg);
        URI authorize = good.toDvcqg();
        assertThat(authorize.getRawQuery()).as("a nonce is sent to be checked").contains("nonce=");
        good.browser.open(dvcqg.pick(authorize, "signed_case"));
        assertThat(good.idTokenClaims().get("preferred_username").asText()).isEqualTo("074091000005");

        citizen("flawed_case", "074091000006");
        for (IdTokenFlaw flaw : IdTokenFlaw.values()) {
            dvcqg.healthy();
            dvcqg.flawIdTokens(flaw);
            DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

            login.as("flawed_case");

            assertBackOnTheLoginPage(login, INVALID_ID_TOKEN);
            assertThat(lastDvcqgLoginError().path("error").asText()).as(flaw.name()).isEqualTo("invalid_token");
        }
        assertNoUser("074091000006");
    }

    @Test
    void aFlawedIdTokenIsNotLookedAtWhenValidationIsOff() throws Exception {
        citizen("unchecked_case", "074091000007");
        dvcqg.flawIdTokens(IdTokenFlaw.FOREIGN_KEY);
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("unchecked_case");

        assertThat(login.idTokenClaims().get("preferred_username").asText()).isEqualTo("074091000007");
    }

    @Test
    void pkceSendsAnS256ChallengeAndItsVerifier() throws Exception {
        settings.set(Map.of("pkceEnabled", "true", "pkceMethod", "S256"));
        citizen("pkce_case", "074091000008");
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        URI authorize = login.toDvcqg();
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("code_challenge_method", "S256").containsKey("code_challenge");

        login.browser.open(dvcqg.pick(authorize, "pkce_case"));
        login.idTokenClaims();

        String verifier = lastTokenRequest().form().get("code_verifier");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(hash)).isEqualTo(query.get("code_challenge"));
    }

    /**
     * A victim's DVCQG code, leaked (a log, a referrer) and pasted into the callback of a login the attacker started
     * in their own browser: refused by PKCE (the shipped default) and, with PKCE off, by the id_token's nonce.
     */
    @Test
    void aVictimsCodeInTheAttackersCallbackSignsNobodyIn() throws Exception {
        citizen("victim_case", "074091000011");
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (boolean pkce : List.of(true, false)) {
            if (!pkce) {
                settings.set(Map.of("pkceEnabled", "false"));
            }
            DvcqgLogin victim = new DvcqgLogin(keycloak, dvcqg);
            URI victimAuthorize = victim.toDvcqg();
            assertThat(query(victimAuthorize).containsKey("code_challenge")).isEqualTo(pkce);
            String stolenCode = query(URI.create(dvcqg.callback(victimAuthorize, "victim_case"))).get("code");

            DvcqgLogin attacker = new DvcqgLogin(keycloak, dvcqg);
            Map<String, String> attackerAuthorize = query(attacker.toDvcqg());
            attacker.browser.open(attackerAuthorize.get("redirect_uri") + "?state="
                    + java.net.URLEncoder.encode(attackerAuthorize.get("state"), StandardCharsets.UTF_8) + "&code=" + stolenCode);

            assertBackOnTheLoginPage(attacker, pkce ? "mã đăng nhập đã được dùng hoặc đã hết hạn" : INVALID_ID_TOKEN);
            outcomes.put(pkce ? "PKCE on" : "PKCE off", lastDvcqgLoginError().path("error").asText());
        }
        assertNoUser("074091000011");
        vn.binhduong.keycloak.it.security.SecurityReport.record("07-dvcqg-code-injection",
                "A DVCQG code works only in the browser whose login asked for it",
                "a victim's code pasted into the callback of the attacker's own login, with PKCE on (default) and off",
                "0 logins; refused as " + outcomes, "DvcqgProtocolIT#aVictimsCodeInTheAttackersCallbackSignsNobodyIn");
    }

    @Test
    void aMalformedStateIsABadRequestNotAServerError() throws Exception {
        for (String query : List.of("state=a.b.c&code=x", "state=a.b.c&error=access_denied", "state=%00&code=x",
                "state=" + "A".repeat(5000) + "&code=x", "state=...&code=")) {
            var response = new Browser(keycloak.baseUrl()).open(keycloak.realmUrl() + "/broker/dvcqg/endpoint?" + query);
            assertThat(response.statusCode()).as(query).isBetween(400, 499);
        }
    }

    @Test
    void theClientAuthenticatesInTheFormByDefaultAndWithHttpBasicWhenSet() throws Exception {
        citizen("client_auth_case", "074091000009");
        new DvcqgLogin(keycloak, dvcqg).as("client_auth_case");
        TokenRequest post = lastTokenRequest();
        assertThat(post.basicAuth()).isFalse();
        assertThat(post.form()).containsEntry("client_id", DvcqgStandIn.CLIENT_ID).containsEntry("client_secret", dvcqg.clientSecret());

        settings.set(Map.of("clientAuthMethod", "client_secret_basic"));
        DvcqgLogin basic = new DvcqgLogin(keycloak, dvcqg);
        basic.as("client_auth_case");

        assertThat(basic.idTokenClaims().get("preferred_username").asText()).isEqualTo("074091000009");
        assertThat(lastTokenRequest().basicAuth()).isTrue();
        assertThat(lastTokenRequest().form()).doesNotContainKey("client_secret");
    }

    @Test
    void userinfoIsFetchedByPostWhenSet() throws Exception {
        settings.set(Map.of("bd.dvcqg.userInfoMethod", "POST"));
        citizen("post_userinfo_case", "074091000010");
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("post_userinfo_case");

        assertThat(login.idTokenClaims().get("preferred_username").asText()).isEqualTo("074091000010");
        assertThat(dvcqg.userInfoMethods("post_userinfo_case")).containsExactly("POST");
    }

    @Test
    void anAccountBelowTheMinimumLevelOfAssuranceIsRefusedWithOurPageAndAnEvent() throws Exception {
        settings.set(Map.of("bd.dvcqg.minLevel", "2"));
        dvcqg.account("loa1_case", DvcqgStandIn.sample("citizen_old_cmnd").put("TechID", "DVCQG-TECH-074091000011")
                .put("SoDinhDanh", "074091000011").put("loAs", "LoA1"));
        // VNeID's IAL, where present, counts too: LoA2 with IAL1 is level 1.
        dvcqg.account("ial1_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-074091000012")
                .put("SoDinhDanh", "074091000012").put("SoCMND", "").put("IAL", "IAL1"));
        dvcqg.account("loa2_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-074091000013")
                .put("SoDinhDanh", "074091000013").put("SoCMND", "").put("IAL", "IAL2"));

        for (String refused : List.of("loa1_case", "ial1_case")) {
            DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
            login.browser.open(dvcqg.pick(login.toDvcqg(), refused));

            assertBackOnTheLoginPage(login, "chưa đạt mức độ xác thực yêu cầu");
            JsonNode event = lastDvcqgLoginError();
            assertThat(event.path("error").asText()).as(refused).isEqualTo("bd_dvcqg_level_too_low");
            assertThat(event.at("/details/reason").asText()).as(refused).isEqualTo("DVCQG level of assurance 1, minimum 2");
        }
        assertNoUser("074091000011");
        assertNoUser("074091000012");

        DvcqgLogin accepted = new DvcqgLogin(keycloak, dvcqg);
        accepted.browser.open(dvcqg.pick(accepted.toDvcqg(), "loa2_case"));
        assertThat(accepted.idTokenClaims().path("preferred_username").asText()).isEqualTo("074091000013");
    }

    private void citizen(String account, String idNumber) {
        dvcqg.account(account, DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-" + idNumber)
                .put("SoDinhDanh", idNumber).put("SoCMND", ""));
    }

    private TokenRequest lastTokenRequest() {
        List<TokenRequest> requests = dvcqg.tokenRequests();
        return requests.get(requests.size() - 1);
    }

    /** Our message on the realm's login page, from where the person can sign in again (DVCQG's button is there). */
    private static void assertBackOnTheLoginPage(DvcqgLogin login, String message) {
        assertThat(login.browser.redirectOut()).as("no way into the app").isNull();
        assertThat(login.errorText()).contains(message);
        assertThat(login.browser.page().selectFirst("a[href*=/broker/dvcqg/login]")).as("DVCQG button to try again").isNotNull();
    }

    private JsonNode lastDvcqgLoginError() throws Exception {
        JsonNode events = admin.get(REALM + "/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=1");
        assertThat(events).isNotEmpty();
        return events.get(0);
    }

    private void assertNoUser(String username) throws Exception {
        assertThat(admin.get(REALM + "/users?username=" + username + "&exact=true")).as("no user " + username).isEmpty();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }
}
