package vn.binhduong.keycloak.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.foundation.FoundationChecks;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The realm file of version 1.0 (commit 09b3b56: keys such as {@code dvcqgBaseUrl},
 * {@code bdDirectLoginAllowedGroup}, {@code lifetime}), imported as an operator restores an old export, with values
 * that differ from today's defaults under the old keys, so that only a migrated realm logs in: its direct-login
 * group is {@code can-bo-v1}, its DVCQG base URL the stand-in's, and it creates accounts for unknown people. A user
 * of 1.0 with an OTP phone credential then logs in directly (password and SMS code), and a citizen through DVCQG.
 */
@ExtendWith(KeycloakExtension.class)
class SettingsMigrationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "binhduong-v1";
    private static final String ADMIN_REALM = "/realms/" + REALM;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");
    private static final String GROUP = "can-bo-v1";
    private static final String OFFICIAL = "074090000901";
    private static final String PASSWORD = "Abc@12345";
    private static final String PHONE = "+84912000901";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final StandIns standIns;
    private final SmsGatewayStandIn gateway;
    private final DvcqgStandIn dvcqg;

    SettingsMigrationIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.standIns = standIns;
        this.gateway = standIns.smsGateway();
        this.dvcqg = standIns.dvcqg();
    }

    @BeforeEach
    void importTheOldExport() throws Exception {
        HttpResponse<String> created = admin.send("POST", "/realms", oldExport());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /**
     * Deleted until gone: within a second of the import, the switch's upkeep task moves version 1.0's switch out of
     * the realm attributes (into the console tab's record). If the delete runs meanwhile, Keycloak refuses it
     * (optimistic lock, 500), and the next one passes.
     */
    @AfterEach
    void removeIt() throws Exception {
        Eventually.await(Duration.ofSeconds(30), "realm " + REALM + " deleted",
                () -> admin.send("DELETE", ADMIN_REALM, null).statusCode() / 100 == 2
                        || admin.send("GET", ADMIN_REALM, null).statusCode() == 404);
    }

    @Test
    void theOldNamesAreStoredUnderTheCurrentOnesAndTheLogNamesOnlyKeys() throws Exception {
        JsonNode provider = admin.get(ADMIN_REALM + "/identity-provider/instances/dvcqg");
        assertThat(provider.path("providerId").asText()).isEqualTo("dvcqg");
        assertThat(provider.path("config").has("bd.dvcqg.baseUrl")).isTrue();
        assertThat(provider.path("config").has("dvcqgBaseUrl")).isFalse();
        assertThat(provider.path("config").path("clientId").asText()).as("Keycloak's own keys stay").isNotBlank();

        assertThat(stepConfig("bd-browser", "bd-direct-login-form"))
                .containsEntry("bd.directLogin.allowedGroup", GROUP).doesNotContainKey("bdDirectLoginAllowedGroup");
        assertThat(stepConfig("bd-browser", "bd-direct-login-sms-otp"))
                .containsEntry("bd.smsOtp.noPhone", "REFUSE").containsEntry("bd.smsCode.lifetime", "120")
                .doesNotContainKeys("noPhone", "lifetime");
        assertThat(stepConfig("bd-first-broker-login", "bd-dvcqg-provisioned-user"))
                .containsEntry("bd.dvcqg.createUnknownUsers", "true");
        assertThat(stepConfig("bd-reset-credentials", "bd-reset-new-password"))
                .containsKey("bd.reset.signOutOtherSessions").doesNotContainKey("signOutOtherSessions");

        String logLine = keycloak.log().lines().filter(line -> line.contains("Realm " + REALM + ": settings of an older version"))
                .findFirst().orElseThrow();
        assertThat(logLine).contains("bdDirectLoginAllowedGroup=bd.directLogin.allowedGroup", "dvcqgBaseUrl=bd.dvcqg.baseUrl")
                .doesNotContain(GROUP, dvcqg.baseUrl());
    }

    @Test
    void anOfficialOfVersion10LogsInDirectlyWithPasswordAndSmsCode() throws Exception {
        HttpResponse<String> on = admin.send("PUT", ADMIN_REALM + "/bd-direct-login",
                Map.of("enabled", true, "reason", "kiểm tra bản xuất 1.0"));
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        OidcClient portal = new OidcClient(keycloak.baseUrl() + "/realms/" + REALM, "dichvucong", null);
        Browser browser = new Browser(keycloak.baseUrl());

        browser.open(portal.authorizationUrl());
        URI callback = FoundationChecks.passwordThenSmsCode(browser, gateway, OFFICIAL, PASSWORD, PHONE);

        assertThat(callback).as("redirected to the portal: " + browser.page().text()).isNotNull();
        assertThat(portal.redeem(callback).path("id_token").asText()).isNotBlank();
    }

    @Test
    void aCitizenLogsInThroughDvcqgAndGetsAnAccount() throws Exception {
        OidcClient portal = new OidcClient(keycloak.baseUrl() + "/realms/" + REALM, "dichvucong", null);
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(portal.authorizationUrl());
        Element button = browser.page().selectFirst("a[href*=/broker/dvcqg/login]");
        assertThat(button).as(browser.page().text()).isNotNull();
        browser.open(button.absUrl("href"));
        URI authorize = browser.redirectOut();
        assertThat(authorize).as("sent to the DVCQG stand-in: " + browser.last().body()).isNotNull();
        assertThat(authorize.toString()).startsWith(dvcqg.baseUrl());

        browser.open(dvcqg.pick(authorize, "citizen_cccd"));
        URI callback = browser.redirectOut();

        assertThat(callback).as("back at the portal: " + browser.page().text()).isNotNull();
        assertThat(callback.toString()).startsWith(OidcClient.REDIRECT_URI);
        assertThat(admin.get(ADMIN_REALM + "/users?exact=true&username=074090000001")).hasSize(1);
    }

    /** The config of the execution of {@code provider} in {@code flow} (sub-flows included). */
    private Map<String, String> stepConfig(String flow, String provider) throws Exception {
        for (JsonNode execution : admin.get(ADMIN_REALM + "/authentication/flows/" + encode(flow) + "/executions")) {
            if (provider.equals(execution.path("providerId").asText())) {
                JsonNode config = admin.get(ADMIN_REALM + "/authentication/config/" + execution.path("authenticationConfig").asText());
                return JSON.convertValue(config.path("config"), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            }
        }
        throw new IllegalStateException("no " + provider + " in " + flow);
    }

    private static String encode(String alias) {
        return alias.replace(" ", "%20");
    }

    /**
     * The 1.0 realm file as the server would import it (placeholders resolved from the server's environment),
     * renamed, with 1.0-style values that differ from today's defaults and a 1.0 user holding an OTP phone.
     */
    private ObjectNode oldExport() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/migration/binhduong-realm-1.0.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectNode realm = (ObjectNode) JSON.readTree(resolved(text, keycloak.environment(standIns)));
        realm.put("realm", REALM);
        ((ArrayNode) realm.get("groups")).addObject().put("name", GROUP);
        for (JsonNode config : realm.get("authenticatorConfig")) {
            ObjectNode values = (ObjectNode) config.get("config");
            if (values.has("bdDirectLoginAllowedGroup")) {
                values.put("bdDirectLoginAllowedGroup", GROUP);
            }
            if (values.has("bd.dvcqg.create.unknown.users")) {
                values.put("bd.dvcqg.create.unknown.users", "true");
            }
        }
        ObjectNode user = realm.putArray("users").addObject().put("username", OFFICIAL).put("enabled", true)
                .put("lastName", "Trần").put("firstName", "Thị Bình");
        ArrayNode credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        credentials.addObject().put("type", OtpPhones.CREDENTIAL_TYPE).put("credentialData",
                JSON.createObjectNode().put("phone", PHONE).put("receiver", true).toString());
        user.putArray("groups").add("/" + GROUP);
        return realm;
    }

    /** {@code ${NAME}} and {@code ${NAME:default}} as Keycloak's start-up import resolves them. */
    private static String resolved(String text, Map<String, String> environment) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = environment.getOrDefault(placeholder.group(1), System.getenv(placeholder.group(1)));
            if (value == null) {
                value = placeholder.group(2) == null ? placeholder.group() : placeholder.group(2);
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(JSON.valueToTree(value).toString()
                    .replaceAll("^\"|\"$", "")));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
