package vn.binhduong.keycloak.realm;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderFactory;

/**
 * Runs {@link SettingsMigration} on every realm once the server has started (after Keycloak's own migration: a
 * database of version 1.0), and on every realm created later (an export of version 1.0 imported at start-up,
 * with {@code kc.sh import} or through the admin REST API), in the transaction that creates it. Logs once per
 * realm what it rewrote, never a value.
 */
public class SettingsMigrationFactory implements ProviderFactory<SettingsMigration> {

    public static final String PROVIDER_ID = "bd-renamed-settings";

    private static final Logger LOG = Logger.getLogger(SettingsMigrationFactory.class);

    @Override
    public SettingsMigration create(KeycloakSession session) {
        return new SettingsMigration(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session ->
                        session.realms().getRealmsStream().toList().forEach(realm -> migrate(session, realm)));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                migrate(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    private static void migrate(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            List<String> changes = session.getProvider(SettingsMigration.class, PROVIDER_ID).migrate(realm);
            if (!changes.isEmpty()) {
                LOG.infof("Realm %s: settings of an older version renamed: %s", realm.getName(), String.join("; ", changes));
            }
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
