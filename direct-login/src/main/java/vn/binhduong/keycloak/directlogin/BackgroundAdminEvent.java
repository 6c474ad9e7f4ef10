package vn.binhduong.keycloak.directlogin;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * An admin event raised by the server itself (the DVCQG probe), not by an administrator's request: stored and
 * sent to the event listeners like Keycloak's own, with the realm as its only author.
 */
final class BackgroundAdminEvent extends AdminEventBuilder {

    private BackgroundAdminEvent(RealmModel realm, KeycloakSession session, AdminEvent event) {
        super(realm, null, session, null, event);
    }

    /** An update of the realm at {@code resourcePath}, to be completed with a representation and details. */
    static AdminEventBuilder realmUpdate(KeycloakSession session, RealmModel realm, String resourcePath) {
        AdminEvent event = new AdminEvent();
        AuthDetails author = new AuthDetails();
        author.setRealmId(realm.getId());
        author.setRealmName(realm.getName());
        event.setAuthDetails(author);
        return new BackgroundAdminEvent(realm, session, event)
                .realm(realm)
                .resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath(resourcePath);
    }
}
