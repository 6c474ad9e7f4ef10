package vn.binhduong.keycloak.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;

/** The provincial portal ({@code dichvucong}, public, PKCE S256) signs a user in and trusts the ID token it gets. */
@ExtendWith(KeycloakExtension.class)
class OidcPkceLoginIT {

    @Test
    void portalCompletesAuthorizationCodeWithPkceAndVerifiesTheIdToken(KeycloakServer keycloak, AdminApi admin) throws Exception {
        admin.createUser("074090000101", "Abc@12345", "Nguyễn", "Văn An");
        OidcClient portal = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        Browser browser = new Browser(keycloak.baseUrl());

        browser.open(portal.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", "074090000101", "password", "Abc@12345"));
        URI callback = browser.redirectOut();
        assertThat(callback).as("redirected to the portal").isNotNull();
        JsonNode tokens = portal.redeem(callback);

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URL(keycloak.realmUrl() + "/protocol/openid-connect/certs")).build()));
        JWTClaimsSet idToken = processor.process(tokens.get("id_token").asText(), null);

        assertThat(idToken.getIssuer()).isEqualTo(keycloak.realmUrl());
        assertThat(idToken.getAudience()).containsExactly("dichvucong");
        assertThat(idToken.getStringClaim("nonce")).isEqualTo(portal.nonce());
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("074090000101");
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
