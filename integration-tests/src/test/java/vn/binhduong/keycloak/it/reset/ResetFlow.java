package vn.binhduong.keycloak.it.reset;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Walks the shipped reset flow as an official's browser does (from the login page's "Quên mật khẩu?"), and sets up
 * its accounts and its step-2 settings through the admin REST API.
 */
public final class ResetFlow {

    static final String OLD_PASSWORD = "Cu@123456";
    private static final String REALM = "/realms/" + KeycloakUnderTest.REALM;

    private final KeycloakUnderTest keycloak;
    private final AdminApi admin;
    private final SmsGatewayStandIn gateway;

    public ResetFlow(KeycloakUnderTest keycloak, AdminApi admin, SmsGatewayStandIn gateway) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.gateway = gateway;
    }

    /** A one-stop-shop official: a 12-digit ID number, a password and, if given, a proven OTP phone. */
    public record Official(String id, String idNumber, String phone) {
        public String national() {
            return "0" + phone.substring(3);
        }
    }

    public Official official(boolean withPhone) throws IOException, InterruptedException {
        String idNumber = newIdNumber();
        if (!withPhone) {
            return new Official(admin.createUser(idNumber, OLD_PASSWORD, "Trần", "Thị Thử", "/can-bo-mot-cua"), idNumber, null);
        }
        String phone = "+8432" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        return new Official(OtpPhones.createUser(admin, idNumber, OLD_PASSWORD, "Trần", "Thị Thử", phone, "/can-bo-mot-cua"),
                idNumber, phone);
    }

    /** An official with a phone whose account an administrator disabled. */
    Official disabledOfficial() throws IOException, InterruptedException {
        Official official = official(true);
        String path = REALM + "/users/" + official.id();
        ObjectNode user = (ObjectNode) admin.get(path);
        expect(204, admin.send("PUT", path, user.put("enabled", false)));
        return official;
    }

    static String newIdNumber() {
        return "0791" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
    }

    /** Opens the app's login page and follows "Quên mật khẩu?" to the reset's first page. */
    public Browser start() throws IOException, InterruptedException {
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
        Element link = browser.page().select("a").stream().filter(a -> a.text().equals("Quên mật khẩu?")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'Quên mật khẩu?' on the login page:\n" + browser.page().text()));
        browser.open(link.absUrl("href"));
        return browser;
    }

    public static HttpResponse<String> submitId(Browser browser, String idNumber) throws IOException, InterruptedException {
        return browser.submit("form#bd-reset-id-form", withCaptcha(Map.of("username", idNumber)));
    }

    public static HttpResponse<String> submitCode(Browser browser, String code) throws IOException, InterruptedException {
        return browser.submit("form#bd-reset-code-form", Map.of("code", code));
    }

    public static HttpResponse<String> submitPasswords(Browser browser, String password, String confirmation)
            throws IOException, InterruptedException {
        return browser.submit("form#bd-reset-password-form",
                withCaptcha(Map.of("password-new", password, "password-confirm", confirmation)));
    }

    /** The fields with a solved captcha. */
    public static Map<String, String> withCaptcha(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.put(CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN);
        return all;
    }

    /** The latest code the gateway got for the phone, waiting for it: the reset sends after its response. */
    public String awaitCode(Official official, int codesBefore) throws Exception {
        Eventually.await(Duration.ofSeconds(10), "an SMS at the gateway",
                () -> gateway.messagesTo(official.national()).size() > codesBefore);
        return gateway.lastCodeTo(official.national()).orElseThrow();
    }

    /**
     * Signs in through the shipped login page (direct login must be on) and returns the app's callback, or null
     * when refused. Passes the SMS OTP step when the shipped flow asks for it.
     */
    URI signIn(Official official, String password) throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(new OidcClient(keycloak.realmUrl(), "dichvucong", null).authorizationUrl());
        int codesBefore = official.phone() == null ? 0 : gateway.messagesTo(official.national()).size();
        browser.submit("form#kc-form-login", Map.of("username", official.idNumber(), "password", password));
        if (browser.redirectOut() == null && browser.page().selectFirst("form#bd-sms-otp-form") != null) {
            browser.submit("form#bd-sms-otp-form", Map.of("code", awaitCode(official, codesBefore)));
        }
        return browser.redirectOut();
    }

    /** The step-2 execution's config, as an administrator sets it in the admin console. */
    public void codeStepConfig(Map<String, String> changes) throws IOException, InterruptedException {
        String configId = null;
        for (JsonNode execution : admin.get(REALM + "/authentication/flows/bd-reset-credentials/executions")) {
            if (execution.path("providerId").asText().equals("bd-reset-sms-code")) {
                configId = execution.path("authenticationConfig").asText();
            }
        }
        String path = REALM + "/authentication/config/" + Optional.ofNullable(configId).orElseThrow();
        ObjectNode config = (ObjectNode) admin.get(path);
        changes.forEach(((ObjectNode) config.path("config"))::put);
        expect(204, admin.send("PUT", path, config));
    }

    /** When the user's password was last set (its credential's creation time). */
    long passwordCreated(Official official) throws IOException, InterruptedException {
        for (JsonNode credential : admin.get(REALM + "/users/" + official.id() + "/credentials")) {
            if (credential.path("type").asText().equals("password")) {
                return credential.path("createdDate").asLong();
            }
        }
        throw new IllegalStateException("no password");
    }

    int sessions(Official official) throws IOException, InterruptedException {
        return admin.get(REALM + "/users/" + official.id() + "/sessions").size();
    }

    JsonNode events(Official official) throws IOException, InterruptedException {
        return admin.get(REALM + "/events?max=200&user=" + official.id());
    }

    /** The official's events of one type, failed ones included ({@code SEND_RESET_PASSWORD}: one per SMS sent). */
    long eventsOfType(Official official, String type) throws IOException, InterruptedException {
        long count = 0;
        for (JsonNode event : events(official)) {
            if (type.equals(event.path("type").asText())) {
                count++;
            }
        }
        return count;
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }
}
