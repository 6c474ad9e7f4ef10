package vn.binhduong.keycloak.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;

/** The provincial portal ({@code dichvucong}) is a public client that must use PKCE S256. */
@ExtendWith(KeycloakExtension.class)
class OidcPkceLoginIT {

    @Test
    void portalCompletesAuthorizationCodeWithPkceAndVerifiesTheIdToken(KeycloakServer keycloak, AdminApi admin,
                                                                        StandIns standIns) throws Exception {
        FoundationChecks.portalSignsInWithPkceAndVerifiesTheIdToken(keycloak, admin, standIns.smsGateway());
    }

    @Test
    void portalWithoutPkceIsRefused(KeycloakServer keycloak) throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());
        String withoutPkce = keycloak.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=dichvucong"
                + "&scope=openid&redirect_uri=" + java.net.URLEncoder.encode(OidcClient.REDIRECT_URI, "UTF-8");

        browser.open(withoutPkce);

        assertThat(browser.redirectOut()).isNotNull();
        assertThat(browser.redirectOut().getQuery()).contains("error=invalid_request").contains("code_challenge");
    }
}
