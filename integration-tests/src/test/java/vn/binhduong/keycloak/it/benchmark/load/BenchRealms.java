package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * Prepares the server through the admin REST API before the load: the realm {@code stock} (stock browser flow,
 * stock theme, Keycloak's generic OpenID Connect provider ({@code oidc}) aimed at the DVCQG stand-in (its
 * {@code keycloak-oidc} variant insists on JWT access tokens, which DVCQG does not issue), and the same password policy,
 * brute-force detection, event storage and client policies as ours, so the two differ only in what the bundle's code
 * brings), every
 * benchmark user by partial import, the DVCQG accounts, the direct-login switch on and the per-phone SMS caps
 * lifted (each benchmark phone gets far more than five codes an hour).
 */
final class BenchRealms {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Realm settings copied from ours to stock. */
    private static final List<String> SHARED_SETTINGS = List.of("passwordPolicy", "bruteForceProtected", "permanentLockout",
            "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds",
            "minimumQuickLoginWaitSeconds", "quickLoginCheckMilliSeconds", "eventsEnabled", "eventsExpiration",
            "enabledEventTypes", "eventsListeners", "adminEventsEnabled", "adminEventsDetailsEnabled", "sslRequired");
    private static final String OURS = "/realms/" + Flows.OURS_REALM;

    private final AdminClient admin;
    private final DvcqgStandIn dvcqg;

    BenchRealms(AdminClient admin, DvcqgStandIn dvcqg) {
        this.admin = admin;
        this.dvcqg = dvcqg;
    }

    /** The stock realm, then these sets of people (a set not named is left out), the caps lifted, the switch on. */
    void prepare(Map<Population, Integer> sizes) throws IOException, InterruptedException {
        if (sizes.keySet().stream().anyMatch(p -> p.name().startsWith("STOCK"))) {
            createStockRealm();
        }
        importUsers(sizes);
        for (int i = 0; i < sizes.getOrDefault(Population.DVCQG, 0); i++) {
            dvcqg.account(Population.techId(i), dvcqgClaims(i));
        }
        liftPhoneCaps("bd-browser");
        liftPhoneCaps("bd-reset-credentials");
        AdminClient.expect(admin.sendTo("PUT", "/admin/realms/" + Flows.OURS_REALM + "/bd-direct-login",
                Map.of("enabled", true, "reason", "benchmark")), 200);
    }

    private void createStockRealm() throws IOException, InterruptedException {
        JsonNode ours = admin.get(OURS);
        ObjectNode realm = JSON.createObjectNode().put("realm", Flows.STOCK_REALM).put("enabled", true);
        SHARED_SETTINGS.stream().filter(ours::has).forEach(key -> realm.set(key, ours.get(key)));
        // A TOTP code is the same for 30 s: at tens of logins per second each user comes back sooner, and a
        // refused replay would count as a failed login. (The replay check is one single-use-store write.) Keycloak
        // reads otpPolicyCodeReusable only beside otpPolicyType: alone, it is dropped without a word.
        realm.put("otpPolicyType", "totp").put("otpPolicyCodeReusable", true);
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
                .put("pkceEnabled", "true").put("pkceMethod", "S256").put("issuer", dvcqg.issuer());
        admin.call("POST", "/realms", realm);
        copyClientPolicies();
        if (!admin.get("/realms/" + Flows.STOCK_REALM).path("otpPolicyCodeReusable").asBoolean()) {
            throw new IllegalStateException("the stock realm refuses a TOTP code twice: its logins would fail on replays");
        }
    }

    /**
     * Our realm's client policies (no password grant, no unused grants), made of Keycloak's own executors, like the
     * other realm settings copied: Keycloak evaluates them on every authorization and token request, a few per cent
     * of a broker login's CPU that is the realm's choice, not the bundle's code.
     */
    private void copyClientPolicies() throws IOException, InterruptedException {
        String stock = "/realms/" + Flows.STOCK_REALM + "/client-policies/";
        ObjectNode profiles = JSON.createObjectNode();
        profiles.set("profiles", admin.get(OURS + "/client-policies/profiles").get("profiles"));
        admin.call("PUT", stock + "profiles", profiles);
        admin.call("PUT", stock + "policies", admin.get(OURS + "/client-policies/policies"));
    }

    /** Batches of 100 users, two at a time: the server hashes each password, on both cores. */
    private void importUsers(Map<Population, Integer> sizes) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> batches = new ArrayList<>();
        sizes.forEach((population, count) -> {
            String realm = population.name().startsWith("STOCK") ? Flows.STOCK_REALM : Flows.OURS_REALM;
            for (int from = 0; from < count; from += 100) {
                ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "FAIL");
                ArrayNode users = partial.putArray("users");
                for (int i = from; i < Math.min(count, from + 100); i++) {
                    users.add(user(population, i));
                }
                batches.add(pool.submit(() -> {
                    admin.call("POST", "/realms/" + realm + "/partialImport", partial);
                    return null;
                }));
            }
        });
        pool.shutdown();
        try {
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("user import failed", e.getCause());
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
                credentials.add(password());
                credentials.addObject().put("type", "bd-otp-phone").put("credentialData",
                        JSON.createObjectNode().put("phone", population.phone(i)).put("receiver", true).toString());
            }
            case STOCK_TOTP -> {
                credentials.add(password());
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

    /**
     * In clear: the server hashes it with the realm's policy (Keycloak's default, argon2), as it will on a password
     * change. A hash made here with another algorithm would be re-hashed at each user's first login, mid-run.
     */
    private static ObjectNode password() {
        return JSON.createObjectNode().put("type", "password").put("value", Population.PASSWORD).put("temporary", false);
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
            if (config.path("config").has("bd.smsCode.phoneHourlyCap")) {
                ((ObjectNode) config.get("config")).put("bd.smsCode.phoneHourlyCap", "1000");
                admin.call("PUT", path, config);
            }
        }
    }
}
