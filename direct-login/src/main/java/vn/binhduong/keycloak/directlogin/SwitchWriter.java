package vn.binhduong.keycloak.directlogin;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The one way the switch changes, whoever changes it (the REST endpoint, the DVCQG probe, the expiry; the admin
 * console's tab stores its own save and only records it here): stored once, and raised as an admin event.
 */
final class SwitchWriter {

    private SwitchWriter() {
    }

    /** {@code event} carries the author (an administrator's request, or {@link BackgroundAdminEvent}). */
    static void write(KeycloakSession session, RealmModel realm, DirectLoginState state, AdminEventBuilder event, long now) {
        new DirectLoginSwitch(session, realm).write(state);
        record(state, event, now);
    }

    /** The admin event of a change already stored. */
    static void record(DirectLoginState state, AdminEventBuilder event, long now) {
        event.resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath(DirectLoginResourceProviderFactory.PROVIDER_ID)
                .representation(state.toView(now))
                .detail("directLogin", state.enabled() ? "on" : "off")
                .detail("reason", state.reason())
                .detail("expiresAt", state.expiresAt() == null ? null : state.expiresAt().toString())
                .success();
    }
}
