package vn.binhduong.keycloak.it.dvcqg;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;

import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * A person on the {@code dichvucong} portal who clicks "Cổng Dịch vụ công Quốc gia" on the realm's login page,
 * is sent to the DVCQG stand-in, and picks an account there.
 */
public final class DvcqgLogin {

    final Browser browser;
    final OidcClient app;
    private final DvcqgStandIn dvcqg;
    URI authorizeUrl;

    public DvcqgLogin(KeycloakServer keycloak, DvcqgStandIn dvcqg) {
        this.browser = new Browser(keycloak.baseUrl());
        this.app = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        this.dvcqg = dvcqg;
    }

    /** Up to DVCQG's login page: returns the authorize URL Keycloak sent the browser to. */
    URI toDvcqg() throws Exception {
        browser.open(app.authorizationUrl());
        Element button = browser.page().selectFirst("a[href*=/broker/dvcqg/login]");
        if (button == null) {
            throw new IllegalStateException("no DVCQG button on the login page:\n" + browser.last().body());
        }
        browser.open(button.absUrl("href"));
        authorizeUrl = browser.redirectOut();
        if (authorizeUrl == null || !authorizeUrl.toString().startsWith(dvcqg.baseUrl())) {
            throw new IllegalStateException("not sent to DVCQG: " + browser.last().statusCode() + "\n" + browser.last().body());
        }
        return authorizeUrl;
    }

    /** Picks the account at DVCQG and comes back to Keycloak: the last page, or the app's callback. */
    public HttpResponse<String> as(String account) throws Exception {
        toDvcqg();
        return browser.open(dvcqg.pick(authorizeUrl, account));
    }

    /** The ID token's claims after a login that reached the app. */
    JsonNode idTokenClaims() throws Exception {
        URI callback = browser.redirectOut();
        if (callback == null || !callback.toString().startsWith(OidcClient.REDIRECT_URI)) {
            throw new IllegalStateException("login did not reach the app: " + browser.last().statusCode() + "\n" + browser.last().body());
        }
        JsonNode tokens = app.redeem(callback);
        tokensSeen = tokens;
        String payload = tokens.get("id_token").asText().split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    JsonNode tokensSeen;

    /** The text of Keycloak's error page. */
    String errorText() {
        return browser.page().text();
    }
}
