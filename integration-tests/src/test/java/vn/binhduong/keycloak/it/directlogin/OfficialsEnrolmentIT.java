package vn.binhduong.keycloak.it.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.security.SignedInOfficial;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OtpPhones;

/**
 * {@code POST /admin/realms/binhduong/bd-direct-login/officials}: a list of ID numbers added to or removed from the
 * direct-login group in one call, with a report, one admin event per change, for user or realm managers only.
 */
@ExtendWith(KeycloakExtension.class)
class OfficialsEnrolmentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Abc@12345";
    private static final String REALM = "/realms/" + KeycloakUnderTest.REALM;

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;

    OfficialsEnrolmentIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = standIns.smsGateway();
    }

    @Test
    void aCsvOfIdNumbersIsEnrolledAndRemovedWithAReportAndAnAdminEventPerChange() throws Exception {
        String ready = OtpPhones.createUser(admin, "074090000501", PASSWORD, "Nguyễn", "Văn An", "+84912000501");
        String noPhone = admin.createUser("074090000502", PASSWORD, "Trần", "Thị Bình");
        admin.createUser("074090000503", PASSWORD, "Lê", "Văn Cường", "/can-bo-mot-cua");
        String csv = "so_dinh_danh;ho_ten\n074 090 000 501;Nguyễn Văn An\n074090000502;Trần Thị Bình\n"
                + "074090000503;Lê Văn Cường\n074090000599;Không có\n12345;sai\n";

        HttpResponse<String> added = post("add", csv, admin.token());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(added.body());
        assertThat(report.path("group").asText()).isEqualTo("/can-bo-mot-cua");
        assertThat(texts(report, "added")).containsExactly("074090000501", "074090000502");
        assertThat(texts(report, "alreadyEnrolled")).containsExactly("074090000503");
        assertThat(texts(report, "unknown")).containsExactly("074090000599");
        assertThat(texts(report, "malformed")).containsExactly("12345");
        assertThat(texts(report, "withoutOtpPhone")).containsExactly("074090000502", "074090000503");
        assertThat(groupsOf(ready)).contains("can-bo-mot-cua");
        assertThat(groupsOf(noPhone)).contains("can-bo-mot-cua");
        assertThat(membershipEvents("CREATE")).contains("users/" + ready, "users/" + noPhone);

        HttpResponse<String> removed = post("remove", "074090000501\n074090000599\n281197043\n", admin.token());

        JsonNode removal = JSON.readTree(removed.body());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(texts(removal, "removed")).containsExactly("074090000501");
        assertThat(texts(removal, "notEnrolled")).isEmpty();
        assertThat(texts(removal, "unknown")).containsExactly("074090000599", "281197043");
        assertThat(groupsOf(ready)).doesNotContain("can-bo-mot-cua");
        assertThat(membershipEvents("DELETE")).contains("users/" + ready);
    }

    @Test
    void onlyUserOrRealmManagersMayEnrol() throws Exception {
        admin.createUser("074090000504", PASSWORD, "Phạm", "Thị Dung");
        SignedInOfficial official = SignedInOfficial.create(admin, "074090000507", SmsOtpTestRealm.newPhone());
        SignedInOfficial userManager = SignedInOfficial.create(admin, "074090000505", SmsOtpTestRealm.newPhone());
        grantRealmManagementRole(userManager.userId, "manage-users");

        assertThat(post("add", "074090000504", realmUserToken(official)).statusCode()).isEqualTo(403);
        assertThat(post("add", "074090000504", null).statusCode()).isEqualTo(401);
        assertThat(texts(JSON.readTree(post("add", "074090000504", realmUserToken(userManager)).body()), "added"))
                .containsExactly("074090000504");
    }

    @Test
    void badInputIsRefusedInVietnameseAndChangesNothing() throws Exception {
        for (String[] request : new String[][]{{"delete", "074090000506"}, {"add", "\n# trống\n"}}) {
            HttpResponse<String> response = post(request[0], request[1], admin.token());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).matches(".*[ạảãáàăâêôơưđ].*");
        }
    }

    private HttpResponse<String> post(String action, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.adminRealmUrl()
                        + "/bd-direct-login/officials?action=" + action))
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode report, String field) {
        List<String> values = new ArrayList<>();
        report.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    private List<String> groupsOf(String userId) throws Exception {
        return admin.get(REALM + "/users/" + userId + "/groups").findValuesAsText("name");
    }

    /** The users (as {@code users/<id>}) of the realm's stored group-membership admin events of this operation. */
    private List<String> membershipEvents(String operation) throws Exception {
        List<String> users = new ArrayList<>();
        admin.get(REALM + "/admin-events?resourceTypes=GROUP_MEMBERSHIP&operationTypes=" + operation + "&max=200")
                .forEach(event -> {
                    String path = event.path("resourcePath").asText();
                    users.add(path.contains("/groups/") ? path.substring(0, path.indexOf("/groups/")) : path);
                });
        return users;
    }

    private void grantRealmManagementRole(String userId, String roleName) throws Exception {
        String clientId = admin.get(REALM + "/clients?clientId=realm-management").get(0).path("id").asText();
        JsonNode role = admin.get(REALM + "/clients/" + clientId + "/roles/" + roleName);
        HttpResponse<String> response = admin.send("POST", REALM + "/users/" + userId + "/role-mappings/clients/" + clientId,
                JSON.createArrayNode().add(role));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** A realm user's access token from a full direct login (password, then the SMS code): no other way gives one. */
    private String realmUserToken(SignedInOfficial user) throws Exception {
        return user.signIn(keycloak, new DirectLoginApi(keycloak, admin), gateway, "openid").accessToken();
    }
}
