package vn.binhduong.keycloak.realm;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Hooks the check into every realm creation (file import at start-up, {@code kc.sh import}, admin REST), so a
 * realm whose secrets were not supplied is rolled back instead of running with a literal {@code ${...}} secret.
 */
public class PlaceholderImportCheckFactory implements RealmImportCheckFactory {

    public static final String PROVIDER_ID = "bd-unresolved-placeholders";

    @Override
    public RealmImportCheck create(KeycloakSession session) {
        return new PlaceholderImportCheck();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                KeycloakSession session = created.getKeycloakSession();
                // Identity providers are read through the session's realm, which the import has not bound.
                RealmModel previous = session.getContext().getRealm();
                session.getContext().setRealm(created.getCreatedRealm());
                try {
                    session.getProvider(RealmImportCheck.class, PROVIDER_ID).check(created.getCreatedRealm());
                } finally {
                    session.getContext().setRealm(previous);
                }
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
