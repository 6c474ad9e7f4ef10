package vn.binhduong.keycloak.realm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.Provider;

/**
 * Rewrites what version 1.0 stored under old names ({@link SettingsRenames}) in one realm: provider ids of flow
 * executions, the keys of their configs, of required action configs and of identity providers' configs. Values are
 * moved as they are; where a key is stored under both names the current one wins. Idempotent: a realm already
 * migrated is left as it is. Answers what it rewrote, without values.
 */
public class SettingsMigration implements Provider {

    private final KeycloakSession session;

    SettingsMigration(KeycloakSession session) {
        this.session = session;
    }

    /** Must run with {@code realm} as the session's realm (identity providers are read through it). */
    List<String> migrate(RealmModel realm) {
        List<String> changes = new ArrayList<>();
        realm.getAuthenticationFlowsStream().toList().forEach(flow ->
                realm.getAuthenticationExecutionsStream(flow.getId()).toList().forEach(execution ->
                        migrateExecution(realm, execution, changes)));
        realm.getRequiredActionConfigsStream().toList().forEach(config -> {
            Map<String, String> renames = lookUp(SettingsRenames.REQUIRED_ACTION_CONFIG_KEYS, config.getAlias());
            Map<String, String> found = renames == null ? Map.of() : oldKeys(config.getConfig(), renames::get);
            if (!found.isEmpty()) {
                changes.add("required action " + config.getAlias() + ": " + found);
                RequiredActionConfigModel copy = new RequiredActionConfigModel();
                copy.setId(config.getId());
                copy.setAlias(config.getAlias());
                copy.setConfig(renamed(config.getConfig(), found));
                realm.updateRequiredActionConfig(copy);
            }
        });
        session.identityProviders().getAllStream().toList().forEach(provider -> migrateIdentityProvider(provider, changes));
        return changes;
    }

    private static void migrateExecution(RealmModel realm, AuthenticationExecutionModel execution, List<String> changes) {
        String renamedId = lookUp(SettingsRenames.AUTHENTICATORS, execution.getAuthenticator());
        String authenticator = renamedId == null ? execution.getAuthenticator() : renamedId;
        if (renamedId != null) {
            changes.add("execution " + execution.getAuthenticator() + " -> " + renamedId);
            realm.updateAuthenticatorExecution(withAuthenticator(execution, renamedId));
        }
        Map<String, String> renames = lookUp(SettingsRenames.AUTHENTICATOR_CONFIG_KEYS, authenticator);
        AuthenticatorConfigModel config = renames == null || execution.getAuthenticatorConfig() == null ? null
                : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
        Map<String, String> found = config == null ? Map.of() : oldKeys(config.getConfig(), renames::get);
        if (!found.isEmpty()) {
            changes.add("config " + config.getAlias() + ": " + found);
            AuthenticatorConfigModel copy = new AuthenticatorConfigModel();
            copy.setId(config.getId());
            copy.setAlias(config.getAlias());
            copy.setConfig(renamed(config.getConfig(), found));
            realm.updateAuthenticatorConfig(copy);
        }
    }

    private void migrateIdentityProvider(IdentityProviderModel provider, List<String> changes) {
        Map<String, String> found = oldKeys(provider.getConfig(), SettingsRenames::identityProviderKey);
        if (found.isEmpty()) {
            return;
        }
        changes.add("identity provider " + provider.getAlias() + ": " + found);
        IdentityProviderModel copy = new IdentityProviderModel(provider);
        copy.setConfig(renamed(provider.getConfig(), found));
        session.identityProviders().update(copy);
    }

    /** A copy (the realm cache hands out its own instances) that runs {@code authenticator}. */
    private static AuthenticationExecutionModel withAuthenticator(AuthenticationExecutionModel execution, String authenticator) {
        AuthenticationExecutionModel copy = new AuthenticationExecutionModel();
        copy.setId(execution.getId());
        copy.setParentFlow(execution.getParentFlow());
        copy.setFlowId(execution.getFlowId());
        copy.setAuthenticatorFlow(execution.isAuthenticatorFlow());
        copy.setAuthenticatorConfig(execution.getAuthenticatorConfig());
        copy.setRequirement(execution.getRequirement());
        copy.setPriority(execution.getPriority());
        copy.setAuthenticator(authenticator);
        return copy;
    }

    /** {@code table}'s entry for {@code key}; null for none, and for no key (a sub-flow's execution runs no authenticator). */
    private static <V> V lookUp(Map<String, V> table, String key) {
        return key == null ? null : table.get(key);
    }

    /** The keys of {@code config} that have an old name, each with its current one (sorted, for the log). */
    private static Map<String, String> oldKeys(Map<String, String> config, UnaryOperator<String> renames) {
        Map<String, String> found = new TreeMap<>();
        if (config != null) {
            config.keySet().forEach(key -> {
                String current = renames.apply(key);
                if (current != null) {
                    found.put(key, current);
                }
            });
        }
        return found;
    }

    /** A copy of {@code config} with the keys renamed; a value already stored under the current name stays. */
    private static Map<String, String> renamed(Map<String, String> config, Map<String, String> renames) {
        Map<String, String> copy = new HashMap<>(config);
        renames.forEach((old, current) -> {
            String value = copy.remove(old);
            copy.putIfAbsent(current, value);
        });
        return copy;
    }

    @Override
    public void close() {
    }
}
