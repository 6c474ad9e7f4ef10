package vn.binhduong.keycloak.it.otp;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;

/**
 * Test-only flows and clients, made through the admin REST API: a flow "direct-login password form, then sms-otp"
 * with a given execution config, bound to a new public client as its browser-flow override. The shipped realm's own
 * browser flow is left alone; the password form needs the direct-login switch on and a one-stop-shop official.
 * Public for the other features' tests that end with an SMS OTP login (OTP phone registration).
 */
public final class SmsOtpTestRealm {

    public static final String PASSWORD = "Abc@12345";
    private static final String REALM = "/realms/" + KeycloakUnderTest.REALM;

    private final AdminApi admin;

    public SmsOtpTestRealm(AdminApi admin) {
        this.admin = admin;
    }

    /** Creates (once) the flow and client named {@code name}; returns the client id. */
    public String clientWithSmsOtp(String name, Map<String, String> smsOtpConfig) throws IOException, InterruptedException {
        if (admin.get(REALM + "/clients?clientId=" + name).size() > 0) {
            return name;
        }
        expect(201, admin.send("POST", REALM + "/authentication/flows", Map.of("alias", name, "providerId", "basic-flow",
                "topLevel", true, "builtIn", false, "description", "integration test: password then SMS OTP")));
        for (String provider : new String[] {"bd-direct-login-form", "bd-sms-otp"}) {
            expect(201, admin.send("POST", REALM + "/authentication/flows/" + name + "/executions/execution",
                    Map.of("provider", provider)));
        }
        for (JsonNode execution : admin.get(REALM + "/authentication/flows/" + name + "/executions")) {
            ObjectNode required = ((ObjectNode) execution).put("requirement", "REQUIRED");
            expect(202, admin.send("PUT", REALM + "/authentication/flows/" + name + "/executions", required));
            if (execution.path("providerId").asText().equals("bd-sms-otp")) {
                expect(201, admin.send("POST", REALM + "/authentication/executions/" + execution.path("id").asText() + "/config",
                        Map.of("alias", name + "-config", "config", smsOtpConfig)));
            }
        }
        String flowId = null;
        for (JsonNode flow : admin.get(REALM + "/authentication/flows")) {
            if (flow.path("alias").asText().equals(name)) {
                flowId = flow.path("id").asText();
            }
        }
        expect(201, admin.send("POST", REALM + "/clients", Map.of("clientId", name, "publicClient", true,
                "standardFlowEnabled", true, "redirectUris", new String[] {OidcClient.APP_REDIRECT_BASE + "/*"},
                "attributes", Map.of("pkce.code.challenge.method", "S256"),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId))));
        return name;
    }

    /** A new one-stop-shop official with a password and, if given, a proven OTP phone; returns its id. */
    public String user(String username, String phoneE164) throws IOException, InterruptedException {
        return phoneE164 == null ? admin.createUser(username, PASSWORD, "Nguyễn", "Văn Thử", "/can-bo-mot-cua")
                : OtpPhones.createUser(admin, username, PASSWORD, "Nguyễn", "Văn Thử", phoneE164, "/can-bo-mot-cua");
    }

    /** Brute-force failures Keycloak counted for the user. */
    int bruteForceFailures(String userId) throws IOException, InterruptedException {
        return admin.get("/realms/" + KeycloakUnderTest.REALM + "/attack-detection/brute-force/users/" + userId)
                .path("numFailures").asInt();
    }

    /** A fresh Vietnamese mobile number (Viettel 032…) in E.164. */
    public static String newPhone() {
        return "+8432" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    public static String national(String phoneE164) {
        return "0" + phoneE164.substring(3);
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() / 100 != status / 100) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }
}
