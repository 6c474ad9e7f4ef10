package vn.binhduong.keycloak.it.phones;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * An official signed in to the {@code dichvucong} portal through the DVCQG stand-in (a new account, made by the
 * first DVCQG login, with the phone DVCQG knows), who then starts application-initiated actions from the portal.
 */
final class PhoneOwner {

    static final String USERS = "/realms/" + KeycloakServer.REALM + "/users";

    final Browser browser;
    final String username;
    final String userId;
    private final KeycloakServer keycloak;
    private OidcClient app;

    private PhoneOwner(KeycloakServer keycloak, Browser browser, String username, String userId) {
        this.keycloak = keycloak;
        this.browser = browser;
        this.username = username;
        this.userId = userId;
    }

    /** Signs in through DVCQG as a new person whose DVCQG phone is {@code dvcqgPhoneE164}. */
    static PhoneOwner signIn(KeycloakServer keycloak, AdminApi admin, DvcqgStandIn dvcqg, String dvcqgPhoneE164)
            throws Exception {
        String cccd = "0749" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        ObjectNode claims = DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-PH" + cccd)
                .put("SoDinhDanh", cccd).put("SoCMND", cccd).put("HoVaTen", "Trần Văn Điện")
                .put("SoDienThoai", "0" + dvcqgPhoneE164.substring(3));
        dvcqg.account("phones-" + cccd, claims);
        Browser browser = new Browser(keycloak.baseUrl());
        OidcClient app = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        allowNewAccounts(admin, true);
        try {
            browser.open(app.authorizationUrl());
            Element button = browser.page().selectFirst("a[href*=/broker/dvcqg/login]");
            if (button == null) {
                throw new IllegalStateException("no DVCQG button:\n" + browser.last().body());
            }
            browser.open(button.absUrl("href"));
            browser.open(dvcqg.pick(browser.redirectOut(), "phones-" + cccd));
        } finally {
            allowNewAccounts(admin, false);
        }
        URI callback = browser.redirectOut();
        if (callback == null || !callback.toString().startsWith(OidcClient.REDIRECT_URI)) {
            throw new IllegalStateException("DVCQG login did not reach the portal:\n" + browser.last().body());
        }
        String userId = admin.get(USERS + "?username=" + cccd + "&exact=true").get(0).get("id").asText();
        return new PhoneOwner(keycloak, browser, cccd, userId);
    }

    /** The portal sends the signed-in official to {@code kc_action}; returns Keycloak's page. */
    HttpResponse<String> startAction(String kcAction) throws Exception {
        app = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        return browser.open(app.authorizationUrl() + "&kc_action=" + URLEncoder.encode(kcAction, StandardCharsets.UTF_8));
    }

    /** Where the last action ended: the portal's callback, or null while Keycloak still shows a page. */
    URI backAtThePortal() {
        URI out = browser.redirectOut();
        return out != null && out.toString().startsWith(OidcClient.REDIRECT_URI) ? out : null;
    }

    /** The tokens the portal gets from the last callback. */
    JsonNode tokens() throws Exception {
        return app.redeem(backAtThePortal());
    }

    String text() {
        return browser.page().text();
    }

    /** The first broker login flow's setting, as an admin switches it in the console. */
    private static void allowNewAccounts(AdminApi admin, boolean allowed) throws Exception {
        String realm = "/realms/" + KeycloakServer.REALM;
        for (JsonNode execution : admin.get(realm + "/authentication/flows/bd-first-broker-login/executions")) {
            if ("bd-dvcqg-provisioned-user".equals(execution.path("providerId").asText())) {
                String path = realm + "/authentication/config/" + execution.get("authenticationConfig").asText();
                ObjectNode config = (ObjectNode) admin.get(path);
                ((ObjectNode) config.get("config")).put("bd.dvcqg.createUnknownUsers", String.valueOf(allowed));
                HttpResponse<String> response = admin.send("PUT", path, config);
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("first broker login config: " + response.statusCode());
                }
                return;
            }
        }
        throw new IllegalStateException("no bd-dvcqg-provisioned-user step in bd-first-broker-login");
    }
}
