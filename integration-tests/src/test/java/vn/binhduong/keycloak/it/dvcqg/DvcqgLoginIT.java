package vn.binhduong.keycloak.it.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/** Logins through the DVCQG stand-in into the realm's portal, in the real Keycloak with the shipped realm. */
@ExtendWith(KeycloakExtension.class)
class DvcqgLoginIT {

    private static final String USERS = "/realms/" + KeycloakServer.REALM + "/users";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DvcqgStandIn dvcqg;

    DvcqgLoginIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.dvcqg = standIns.dvcqg();
    }

    @AfterEach
    void back() throws Exception {
        dvcqg.healthy();
        allowNewAccounts(false);
    }

    @Test
    void citizenLogsInToThePortalUnderTheCccdWithSplitNames() throws Exception {
        allowNewAccounts(true);
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        URI authorize = login.toDvcqg();
        assertThat(authorize.getRawQuery()).contains("client_id=" + DvcqgStandIn.CLIENT_ID).contains("acr_values=LoA1")
                .contains("scope=openid").contains("response_type=code");
        login.browser.open(dvcqg.pick(authorize, "citizen_cccd"));
        JsonNode claims = login.idTokenClaims();

        assertThat(claims.get("preferred_username").asText()).isEqualTo("074090000001");
        assertThat(claims.get("family_name").asText()).isEqualTo("Nguyễn");
        assertThat(claims.get("given_name").asText()).isEqualTo("Văn An");
        assertThat(claims.has("email")).isFalse();
        JsonNode user = user("074090000001");
        assertThat(user.at("/attributes/phoneNumber/0").asText()).isEqualTo("+84912345678");
        // Told by DVCQG, not proven by an SMS code: not verified for the phone scope's phone_number_verified.
        assertThat(user.at("/attributes/phoneNumberVerified/0").asText()).isEqualTo("false");
        assertThat(user.at("/attributes/birthdate/0").asText()).isEqualTo("1990-01-15");
        JsonNode links = admin.get(USERS + "/" + user.get("id").asText() + "/federated-identity");
        assertThat(links.get(0).get("identityProvider").asText()).isEqualTo("dvcqg");
        assertThat(links.get(0).get("userId").asText()).isEqualTo("DVCQG-TECH-000000001");
    }

    @Test
    void officialMadeByIdNumberIsLinkedOnFirstLoginAndTheLinkIsUsedAfter() throws Exception {
        String id = admin.createUser("074185000003", "Mk-" + System.nanoTime() + "a!A", "Lê", "Hoàng Minh", "can-bo-mot-cua");

        DvcqgLogin first = new DvcqgLogin(keycloak, dvcqg);
        first.as("official_one_stop_shop");
        assertThat(first.idTokenClaims().get("sub").asText()).isEqualTo(id);
        JsonNode links = admin.get(USERS + "/" + id + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("userId").asText()).isEqualTo("DVCQG-TECH-000000003");

        DvcqgLogin second = new DvcqgLogin(keycloak, dvcqg);
        second.as("official_one_stop_shop");
        assertThat(second.idTokenClaims().get("sub").asText()).isEqualTo(id);
        assertThat(admin.get(USERS + "?username=074185000003&exact=true")).hasSize(1);
    }

    @Test
    void enterpriseLogsInUnderItsEnterpriseCode() throws Exception {
        allowNewAccounts(true);
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("enterprise");

        assertThat(login.idTokenClaims().get("preferred_username").asText()).isEqualTo("3700000004");
        JsonNode user = user("3700000004");
        assertThat(user.at("/attributes/enterpriseName/0").asText()).isEqualTo("Công ty TNHH Ví Dụ Bình Dương");
        assertThat(user.at("/attributes/dvcqgAccountType/0").asText()).isEqualTo("enterprise");
    }

    @Test
    void unknownPersonIsRefusedWhereNewAccountsAreNotAllowed() throws Exception {
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("citizen_old_cmnd");

        assertRefused(login, "Tài khoản chưa được cấp", "280000001");
    }

    @Test
    void loginWithoutTechIdIsRefused() throws Exception {
        allowNewAccounts(true);
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("missing_techid");

        assertRefused(login, "TechID", "074090000006");
    }

    @Test
    void unknownAccountTypeIsRefused() throws Exception {
        allowNewAccounts(true);
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("invalid_account_type");

        assertRefused(login, "Loại tài khoản", "074090000005");
    }

    @Test
    void malformedIdNumberIsRefused() throws Exception {
        allowNewAccounts(true);
        ObjectNode malformed = DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-000000077")
                .put("SoDinhDanh", "07409000007X").put("SoCMND", "");
        dvcqg.account("malformed_cccd", malformed);
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("malformed_cccd");

        assertRefused(login, "không hợp lệ", "07409000007x");
    }

    @Test
    void dvcqgDownIsRefused() throws Exception {
        allowNewAccounts(true);
        dvcqg.account("down_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-000000081")
                .put("SoDinhDanh", "074090000081"));
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        login.toDvcqg();
        dvcqg.unreachable();

        login.browser.open(dvcqg.pick(login.authorizeUrl, "down_case"));

        assertRefused(login, "Không kết nối được với Cổng Dịch vụ công Quốc gia", "074090000081");
    }

    @Test
    void dvcqgSlowerThanTheTimeoutIsRefused() throws Exception {
        allowNewAccounts(true);
        dvcqg.account("slow_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-000000082")
                .put("SoDinhDanh", "074090000082"));
        dvcqg.slowUserInfo(Duration.ofSeconds(5));
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);

        login.as("slow_case");

        assertRefused(login, "Không kết nối được với Cổng Dịch vụ công Quốc gia", "074090000082");
    }

    @Test
    void cancellingAtDvcqgReturnsToTheLoginPageWithAVietnameseMessage() throws Exception {
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        URI authorize = login.toDvcqg();

        login.browser.open(dvcqg.cancel(authorize));

        assertThat(login.browser.redirectOut()).isNull();
        assertThat(login.errorText()).contains("Truy cập bị từ chối khi xác thực với Cổng Dịch vụ công Quốc gia");
    }

    @Test
    void tamperedStateIsRefused() throws Exception {
        allowNewAccounts(true);
        dvcqg.account("state_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-000000083")
                .put("SoDinhDanh", "074090000083"));
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        URI authorize = login.toDvcqg();
        String state = authorize.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
        URI tampered = URI.create(authorize.toString().replace("state=" + state, "state=x" + state.substring(1)));

        login.browser.open(dvcqg.pick(tampered, "state_case"));

        // Keycloak's broker refuses the callback with its "page expired" page, from where the login starts again.
        assertThat(login.browser.redirectOut()).isNull();
        assertThat(login.errorText()).contains("Trang đã hết hạn");
        assertThat(admin.get(USERS + "?username=074090000083&exact=true")).isEmpty();
    }

    @Test
    void logoutReachesDvcqg() throws Exception {
        allowNewAccounts(true);
        dvcqg.account("logout_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-000000084")
                .put("SoDinhDanh", "074090000084"));
        DvcqgLogin login = new DvcqgLogin(keycloak, dvcqg);
        login.as("logout_case");
        login.idTokenClaims();
        String userId = user("074090000084").get("id").asText();
        int before = dvcqg.logouts().size();

        login.browser.open(keycloak.realmUrl() + "/protocol/openid-connect/logout?client_id=dichvucong&id_token_hint="
                + login.tokensSeen.get("id_token").asText() + "&post_logout_redirect_uri="
                + URLEncoder.encode(OidcClient.REDIRECT_URI, StandardCharsets.UTF_8));

        assertThat(login.browser.redirectOut().toString()).startsWith(OidcClient.REDIRECT_URI);
        assertThat(dvcqg.logouts()).hasSize(before + 1);
        assertThat(dvcqg.logouts().get(before)).containsKey("id_token_hint").containsKey("state");
        assertThat(admin.get(USERS + "/" + userId + "/sessions")).isEmpty();
    }

    private void assertRefused(DvcqgLogin login, String message, String username) throws Exception {
        assertThat(login.browser.redirectOut()).as("no way back to the app").isNull();
        assertThat(login.errorText()).contains(message);
        assertThat(admin.get(USERS + "?username=" + username + "&exact=true")).as("no user").isEmpty();
    }

    private JsonNode user(String username) throws Exception {
        JsonNode users = admin.get(USERS + "?username=" + username + "&exact=true&briefRepresentation=false");
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    private void allowNewAccounts(boolean allowed) throws Exception {
        FirstBrokerLoginSetting.allowNewAccounts(admin, allowed);
    }
}
