package vn.binhduong.keycloak.directlogin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@link DirectLoginResource} under {@code /admin/realms/{realm}/bd-direct-login}. */
public class DirectLoginResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new DirectLoginResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {
    }
}
