package vn.binhduong.keycloak.reset;

import java.util.List;
import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Every rule of the realm's password policy a password breaks. Keycloak's own check stops at the first one; an
 * official choosing a password should learn all of them at once, so each policy's provider is asked in turn.
 */
final class PasswordRules {

    private PasswordRules() {
    }

    /** Keycloak's messages (with their parameters) for the broken rules, in the policy's order; empty if none. */
    static List<FormMessage> broken(KeycloakSession session, RealmModel realm, UserModel user, String password) {
        return realm.getPasswordPolicy().getPolicies().stream()
                .map(id -> session.getProvider(PasswordPolicyProvider.class, id))
                .filter(Objects::nonNull)
                .map(provider -> provider.validate(realm, user, password))
                .filter(Objects::nonNull)
                .map(PasswordRules::message)
                .toList();
    }

    private static FormMessage message(PolicyError error) {
        return new FormMessage(null, error.getMessage(), error.getParameters());
    }
}
