package vn.binhduong.keycloak.dvcqg;

/**
 * The one name this broker copies from Keycloak because Keycloak keeps it private. It follows Keycloak 26.7.0
 * {@code services/src/main/java/org/keycloak/broker/oidc/OIDCIdentityProvider.java}, constant
 * {@code BROKER_NONCE_PARAM}: {@code createAuthorizationUrl} writes the nonce it sends under this auth-session client
 * note, and {@code preprocessFederatedIdentity} reads the id_token's nonce under this context-data key. Listed in the
 * README's upgrade section: check it on every Keycloak upgrade.
 */
final class KeycloakBrokerNotes {

    static final String BROKER_NONCE = "BROKER_NONCE";

    private KeycloakBrokerNotes() {
    }
}
