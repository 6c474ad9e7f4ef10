package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * Prepares the server through the admin REST API before the load: the realm {@code stock} (stock browser flow,
 * stock theme, Keycloak's generic OpenID Connect provider ({@code oidc}) aimed at the DVCQG stand-in (its
 * {@code keycloak-oidc} variant insists on JWT access tokens, which DVCQG does not issue), and the same password policy,
 * brute-force detection and event storage as ours, so the two differ only in what the bundle brings), every
 * benchmark user by partial import, the DVCQG accounts, the direct-login switch on and the per-phone SMS caps
 * lifted (each benchmark phone gets far more than five codes an hour).
 */
final class BenchRealms {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak 26's default password hash (pbkdf2-sha512, 210 000 rounds, 512 bits). */
    private static final int HASH_ITERATIONS = 210_000;
    /** Realm settings copied from ours to stock. */
    private static final List<String> SHARED_SETTINGS = List.of("passwordPolicy", "bruteForceProtected", "permanentLockout",
            "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds",
            "minimumQuickLoginWaitSeconds", "quickLoginCheckMilliSeconds", "eventsEnabled", "eventsExpiration",
            "enabledEventTypes", "eventsListeners", "adminEventsEnabled", "adminEventsDetailsEnabled", "sslRequired");
    private static final String OURS = "/realms/" + Flows.OURS_REALM;

    private final AdminClient admin;
    private final DvcqgStandIn dvcqg;
    private final ObjectNode password = hashedPassword();

    BenchRealms(AdminClient admin, DvcqgStandIn dvcqg) {
        this.admin = admin;
        this.dvcqg = dvcqg;
    }

    void prepare(Map<Population, Integer> sizes) throws IOException, InterruptedException {
        createStockRealm();
        for (Map.Entry<Population, Integer> set : sizes.entrySet()) {
            importUsers(set.getKey(), set.getValue());
        }
        for (int i = 0; i < sizes.get(Population.DVCQG); i++) {
            dvcqg.account(Population.techId(i), dvcqgClaims(i));
        }
        liftPhoneCaps("bd-browser");
        liftPhoneCaps("bd-reset-credentials");
        AdminClient.expect(admin.sendTo("PUT", "/realms/" + Flows.OURS_REALM + "/bd-direct-login",
                Map.of("enabled", true, "reason", "benchmark")), 200);
    }

    private void createStockRealm() throws IOException, InterruptedException {
        JsonNode ours = admin.get(OURS);
        ObjectNode realm = JSON.createObjectNode().put("realm", Flows.STOCK_REALM).put("enabled", true);
        SHARED_SETTINGS.stream().filter(ours::has).forEach(key -> realm.set(key, ours.get(key)));
        ObjectNode client = realm.putArray("clients").addObject().put("clientId", Flows.STOCK_CLIENT)
                .put("publicClient", true).put("standardFlowEnabled", true);
        client.putArray("redirectUris").add("http://localhost:3000/*");
        client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        // The generic type: keycloak-oidc forces "access token is JWT", and DVCQG's access tokens are opaque.
        ObjectNode idp = realm.putArray("identityProviders").addObject().put("alias", Flows.STOCK_IDP)
                .put("providerId", "oidc").put("enabled", true).put("trustEmail", false).put("storeToken", false);
        String base = dvcqg.baseUrl();
        idp.putObject("config").put("authorizationUrl", base + "/oauth2/authorize").put("tokenUrl", base + "/oauth2/token")
                .put("userInfoUrl", base + "/oauth2/userinfo").put("clientId", DvcqgStandIn.CLIENT_ID)
                .put("clientSecret", dvcqg.clientSecret()).put("clientAuthMethod", "client_secret_post")
                .put("defaultScope", "openid").put("syncMode", "IMPORT").put("validateSignature", "false")
                .put("pkceEnabled", "false").put("issuer", dvcqg.issuer());
        admin.call("POST", "/realms", realm);
    }

    private void importUsers(Population population, int count) throws IOException, InterruptedException {
        String realm = population.name().startsWith("STOCK") ? Flows.STOCK_REALM : Flows.OURS_REALM;
        for (int from = 0; from < count; from += 250) {
            ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "FAIL");
            ArrayNode users = partial.putArray("users");
            for (int i = from; i < Math.min(count, from + 250); i++) {
                users.add(user(population, i));
            }
            admin.call("POST", "/realms/" + realm + "/partialImport", partial);
        }
    }

    private ObjectNode user(Population population, int i) {
        String username = population.username(i);
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("lastName", "Nguyễn").put("firstName", "Văn Thử").put("email", username + "@bench.example")
                .put("emailVerified", true);
        ArrayNode credentials = user.putArray("credentials");
        switch (population) {
            case DIRECT, RESET, STALLED -> {
                user.putArray("groups").add("/can-bo-mot-cua");
                credentials.add(password.deepCopy());
                credentials.addObject().put("type", "bd-otp-phone").put("credentialData",
                        JSON.createObjectNode().put("phone", population.phone(i)).put("receiver", true).toString());
            }
            case STOCK_TOTP -> {
                credentials.add(password.deepCopy());
                credentials.addObject().put("type", "otp").put("userLabel", "bench")
                        .put("secretData", JSON.createObjectNode().put("value", Population.totpSecret(i)).toString())
                        .put("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
            }
            case DVCQG, STOCK_BROKER -> user.putArray("federatedIdentities").addObject()
                    .put("identityProvider", population == Population.DVCQG ? "dvcqg" : Flows.STOCK_IDP)
                    .put("userId", Population.techId(i)).put("userName", Population.techId(i));
        }
        return user;
    }

    /** What DVCQG's userinfo answers for broker user i, with the standard OIDC claims the stock provider reads. */
    private static ObjectNode dvcqgClaims(int i) {
        String idNumber = Population.DVCQG.username(i);
        return JSON.createObjectNode().put("sub", Population.techId(i)).put("TechID", Population.techId(i))
                .put("LoaiTaiKhoan", 1).put("SoDinhDanh", idNumber).put("SoCMND", idNumber).put("HoVaTen", "Nguyễn Văn Thử")
                .put("ThuDienTu", "").put("SoDienThoai", "0912345678").put("NgayThangNamSinh", "19900115").put("GioiTinh", 1)
                .put("loAs", "LoA2").put("TrangThai", 1).put("preferred_username", Population.techId(i).toLowerCase())
                .put("given_name", "Văn Thử").put("family_name", "Nguyễn");
    }

    private void liftPhoneCaps(String flow) throws IOException, InterruptedException {
        for (JsonNode execution : admin.get(OURS + "/authentication/flows/" + flow + "/executions")) {
            if (!execution.has("authenticationConfig")) {
                continue;
            }
            String path = OURS + "/authentication/config/" + execution.get("authenticationConfig").asText();
            ObjectNode config = (ObjectNode) admin.get(path);
            if (config.path("config").has("phoneHourlyCap")) {
                ((ObjectNode) config.get("config")).put("phoneHourlyCap", "1000");
                admin.call("PUT", path, config);
            }
        }
    }

    /** One hash for every benchmark user (the same password), so the set-up does not spend minutes hashing. */
    private static ObjectNode hashedPassword() {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(
                    new PBEKeySpec(Population.PASSWORD.toCharArray(), salt, HASH_ITERATIONS, 512)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return JSON.createObjectNode().put("type", "password")
                    .put("secretData", JSON.createObjectNode().put("value", b64.encodeToString(key)).put("salt", b64.encodeToString(salt))
                            .set("additionalParameters", JSON.createObjectNode()).toString())
                    .put("credentialData", JSON.createObjectNode().put("hashIterations", HASH_ITERATIONS).put("algorithm", "pbkdf2-sha512")
                            .set("additionalParameters", JSON.createObjectNode()).toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
