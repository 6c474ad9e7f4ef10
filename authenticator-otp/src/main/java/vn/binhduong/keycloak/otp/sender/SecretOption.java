package vn.binhduong.keycloak.otp.sender;

import org.keycloak.models.KeycloakSession;

/** A secret server option that may be a vault reference ({@code ${vault.key}}), resolved at each use. */
public final class SecretOption {

    private SecretOption() {
    }

    public static String resolve(KeycloakSession session, String value) {
        if (value == null || session.getContext().getRealm() == null) {
            return value;
        }
        return session.vault().getStringSecret(value).get().orElse(value);
    }
}
