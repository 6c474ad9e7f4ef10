package vn.binhduong.keycloak.directlogin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Serves {@link DirectLoginResource} under {@code /realms/{realm}/bd-direct-login}. */
public class DirectLoginResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    public DirectLoginResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new DirectLoginResource(session);
    }

    @Override
    public void close() {
    }
}
