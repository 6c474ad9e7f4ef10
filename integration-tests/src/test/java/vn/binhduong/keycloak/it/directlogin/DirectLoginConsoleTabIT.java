package vn.binhduong.keycloak.it.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;

/**
 * The "direct login" tab on Realm settings in the admin console, driven through the admin REST calls the console
 * itself makes (its PageHandler: list the realm's UiTabProvider components, then create or update the tab's one),
 * so every rule is proven here; {@code AdminConsoleDirectLoginBrowserIT} clicks the same tab in Chromium.
 */
@ExtendWith(KeycloakExtension.class)
class DirectLoginConsoleTabIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAB_PROVIDER = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String TAB_ID = "bd-direct-login";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;

    DirectLoginConsoleTabIT(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
    }

    @BeforeEach
    void switchedOff() throws Exception {
        directLogin.switchOff();
    }

    @Test
    void theConsoleOffersTheTabOnRealmSettingsInVietnameseAndEnglish() throws Exception {
        JsonNode tab = null;
        for (JsonNode type : admin.get("/serverinfo").path("componentTypes").path(TAB_PROVIDER)) {
            if (TAB_ID.equals(type.path("id").asText())) {
                tab = type;
            }
        }
        assertThat(tab).as("declarative UI lists our tab").isNotNull();
        assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab?");
        assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo(TAB_ID);
        List<String> fields = new ArrayList<>();
        tab.path("properties").forEach(property -> fields.add(property.path("name").asText()));
        assertThat(fields).containsExactly("enabled", "reason", "expiresAt");

        // The console translates the tab title and field labels with the admin theme's texts of the admin's realm.
        assertThat(adminTexts("vi")).containsEntry(TAB_ID, "Đăng nhập trực tiếp").containsEntry("bdDirectLoginTabReason", "Lý do");
        assertThat(adminTexts("en")).containsEntry(TAB_ID, "Direct login").containsEntry("bdDirectLoginTabReason", "Reason");
    }

    @Test
    void savingTheTabSwitchesDirectLoginOnAndOffAsTheRestEndpointDoes() throws Exception {
        ZonedDateTime expiry = ZonedDateTime.now(VIETNAM).plusHours(2).truncatedTo(ChronoUnit.MINUTES);

        HttpResponse<String> on = saveTab(true, "DVCQG không gửi OTP (bảng điều khiển)", SHOWN.format(expiry));

        assertThat(on.statusCode()).as(on.body()).isIn(201, 204);
        JsonNode status = JSON.readTree(directLogin.get(admin.token()).body());
        assertThat(status.path("enabled").asBoolean()).isTrue();
        assertThat(status.path("reason").asText()).isEqualTo("DVCQG không gửi OTP (bảng điều khiển)");
        assertThat(status.path("expiresAt").asLong()).isEqualTo(expiry.toEpochSecond());
        assertThat(status.path("changedBy").asText()).isEqualTo("master/" + KeycloakUnderTest.ADMIN_USER);
        assertThat(loginPageHasTheDirectForm()).isTrue();
        JsonNode event = lastSwitchEvent().orElseThrow();
        assertThat(event.path("representation").asText()).contains("DVCQG không gửi OTP (bảng điều khiển)");
        assertThat(event.path("authDetails").path("userId").asText()).as("the administrator is the author").isNotBlank();

        HttpResponse<String> off = saveTab(false, "DVCQG hoạt động lại", SHOWN.format(expiry));

        assertThat(off.statusCode()).as(off.body()).isEqualTo(204);
        status = JSON.readTree(directLogin.get(admin.token()).body());
        assertThat(status.path("enabled").asBoolean()).isFalse();
        assertThat(status.path("expiresAt").isNumber()).as("an expiry only applies while on: " + status).isFalse();
        assertThat(loginPageHasTheDirectForm()).isFalse();
        assertThat(tabConfig().path("expiresAt").isMissingNode()).as("the tab shows the switch as it now is").isTrue();
    }

    @Test
    void changesThroughTheRestEndpointShowInTheTabAtOnce() throws Exception {
        HttpResponse<String> put = directLogin.put(admin.token(), "{\"enabled\":true,\"reason\":\"sự cố DVCQG (REST)\",\"ttlSeconds\":7200}");
        long expiresAt = JSON.readTree(put.body()).path("expiresAt").asLong();

        JsonNode config = tabConfig();
        assertThat(config.path("enabled").path(0).asText()).isEqualTo("true");
        assertThat(config.path("reason").path(0).asText()).isEqualTo("sự cố DVCQG (REST)");
        assertThat(config.path("expiresAt").path(0).asText())
                .isEqualTo(SHOWN.format(Instant.ofEpochSecond(expiresAt).atZone(VIETNAM)));

        // Saved again as shown (only the minute is on screen), the switch keeps its exact expiry and nothing is recorded.
        int events = switchEvents().size();
        assertThat(saveTab(true, "sự cố DVCQG (REST)", config.path("expiresAt").path(0).asText()).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(directLogin.get(admin.token()).body()).path("expiresAt").asLong()).isEqualTo(expiresAt);
        assertThat(switchEvents()).hasSize(events);

        directLogin.switchOff();
        assertThat(tabConfig().path("enabled").path(0).asText()).isEqualTo("false");
    }

    @Test
    void badInputGetsItsVietnameseMessageAndChangesNothing() throws Exception {
        directLogin.switchOn("trạng thái trước");
        String soon = SHOWN.format(ZonedDateTime.now(VIETNAM).plusHours(1));
        Map<List<String>, String> refusals = Map.of(
                List.of("true", "", soon), "lý do",
                List.of("true", "x", "mai 8 giờ"), "ví dụ 24/11/2026 08:00",
                List.of("true", "x", "31/02/2027 08:00"), "ví dụ 24/11/2026 08:00",
                List.of("true", "x", SHOWN.format(ZonedDateTime.now(VIETNAM).minusHours(1))), "tương lai",
                List.of("true", "x", SHOWN.format(ZonedDateTime.now(VIETNAM).plusDays(31))), "30 ngày",
                List.of("true", "x".repeat(501), soon), "500");

        for (Map.Entry<List<String>, String> refusal : refusals.entrySet()) {
            List<String> form = refusal.getKey();
            HttpResponse<String> response = saveTab(Boolean.parseBoolean(form.get(0)), form.get(1), form.get(2));
            assertThat(response.statusCode()).as(form.toString()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("errorMessage").asText()).as(form.toString()).contains(refusal.getValue());
        }
        JsonNode status = JSON.readTree(directLogin.get(admin.token()).body());
        assertThat(status.path("enabled").asBoolean()).isTrue();
        assertThat(status.path("reason").asText()).isEqualTo("trạng thái trước");
        assertThat(tabConfig().path("reason").path(0).asText()).isEqualTo("trạng thái trước");
    }

    @Test
    void aRealmHasOneTab() throws Exception {
        saveTab(true, "thẻ thứ nhất", "");
        ObjectNode second = tabRepresentation(false, "thẻ thứ hai", "");

        HttpResponse<String> response = admin.send("POST", componentsPath(), second);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errorMessage").asText()).contains("đã có thẻ");
        assertThat(JSON.readTree(directLogin.get(admin.token()).body()).path("reason").asText()).isEqualTo("thẻ thứ nhất");
    }

    @Test
    void anExpiredSwitchIsClosedOnTheRecordAndInTheTab() throws Exception {
        directLogin.put(admin.token(), "{\"enabled\":true,\"reason\":\"thử tự tắt\",\"ttlSeconds\":2}");

        // The upkeep runs every 5 s: polled, so a loaded machine only makes it slower.
        JsonNode status = Eventually.await(Duration.ofSeconds(60), "closed by the upkeep",
                () -> JSON.readTree(directLogin.get(admin.token()).body()),
                read -> "expiry".equals(read.path("changedBy").asText()));
        assertThat(status.path("enabled").asBoolean()).isFalse();
        assertThat(tabConfig().path("enabled").path(0).asText()).isEqualTo("false");
        JsonNode closing = lastSwitchEvent().orElseThrow();
        assertThat(closing.path("representation").asText()).contains("Hết thời hạn");
        assertThat(closing.path("authDetails").path("userId").isTextual())
                .as("the server closed it, not an administrator").isFalse();
    }

    /** As the console's Save does: the form's fields plus the route's parameters, each value a one-element list. */
    private HttpResponse<String> saveTab(boolean enabled, String reason, String expiresAt) throws Exception {
        ObjectNode tab = tabRepresentation(enabled, reason, expiresAt);
        Optional<JsonNode> stored = storedTab();
        if (stored.isPresent()) {
            tab.put("id", stored.get().path("id").asText());
            return admin.send("PUT", componentsPath() + "/" + stored.get().path("id").asText(), tab);
        }
        return admin.send("POST", componentsPath(), tab);
    }

    private ObjectNode tabRepresentation(boolean enabled, String reason, String expiresAt) throws Exception {
        ObjectNode tab = JSON.createObjectNode().put("providerId", TAB_ID).put("providerType", TAB_PROVIDER)
                .put("parentId", admin.get("/realms/" + KeycloakUnderTest.REALM).path("id").asText());
        ObjectNode config = tab.putObject("config");
        config.putArray("enabled").add(Boolean.toString(enabled));
        config.putArray("reason").add(reason);
        config.putArray("expiresAt").add(expiresAt);
        config.putArray("realm").add(KeycloakUnderTest.REALM);
        config.putArray("tab").add(TAB_ID);
        return tab;
    }

    private Optional<JsonNode> storedTab() throws Exception {
        List<JsonNode> tabs = new ArrayList<>();
        admin.get(componentsPath() + "?type=" + TAB_PROVIDER).forEach(component -> {
            if (TAB_ID.equals(component.path("providerId").asText())) {
                tabs.add(component);
            }
        });
        assertThat(tabs.size()).as("one tab per realm").isLessThanOrEqualTo(1);
        return tabs.stream().findFirst();
    }

    private JsonNode tabConfig() throws Exception {
        return storedTab().orElseThrow().path("config");
    }

    private static String componentsPath() {
        return "/realms/" + KeycloakUnderTest.REALM + "/components";
    }

    private List<JsonNode> switchEvents() throws Exception {
        List<JsonNode> ours = new ArrayList<>();
        admin.get("/realms/" + KeycloakUnderTest.REALM + "/admin-events?resourceTypes=REALM&operationTypes=UPDATE&max=200")
                .forEach(event -> {
                    if (TAB_ID.equals(event.path("resourcePath").asText())) {
                        ours.add(event);
                    }
                });
        return ours;
    }

    /** Newest first, as Keycloak lists admin events. */
    private Optional<JsonNode> lastSwitchEvent() throws Exception {
        return switchEvents().stream().findFirst();
    }

    private boolean loginPageHasTheDirectForm() throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret()).authorizationUrl());
        return !browser.page().select("#kc-form-login").isEmpty();
    }

    private Map<String, String> adminTexts(String locale) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.baseUrl() + "/resources/master/admin/" + locale)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> texts = new HashMap<>();
        JSON.readTree(response.body()).forEach(entry -> texts.put(entry.path("key").asText(), entry.path("value").asText()));
        return texts;
    }
}
