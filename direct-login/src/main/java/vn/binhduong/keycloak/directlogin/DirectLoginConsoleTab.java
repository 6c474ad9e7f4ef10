package vn.binhduong.keycloak.directlogin;

import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * The stored form of the admin console's "direct login" tab: a component of the realm that the console reads when
 * the tab opens and writes when an administrator saves it. The switch itself stays in {@link DirectLoginSwitch};
 * this component is kept showing it, so the console never offers a state the switch no longer has.
 */
final class DirectLoginConsoleTab {

    private DirectLoginConsoleTab() {
    }

    static Optional<ComponentModel> find(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> DirectLoginConsoleTabFactory.PROVIDER_ID.equals(component.getProviderId()))
                .findFirst();
    }

    /** False where the tab is not deployed (Keycloak runs without the {@code declarative-ui} feature). */
    static boolean deployed(KeycloakSession session) {
        return session.getKeycloakSessionFactory()
                .getProviderFactory(UiTabProvider.class, DirectLoginConsoleTabFactory.PROVIDER_ID) != null;
    }

    /**
     * True if the tab is deployed and shows something other than {@code state}. A tab never saved shows the form's
     * defaults (off, no reason, no expiry), which is the switch of a realm where nobody has touched it.
     */
    static boolean stale(KeycloakSession session, RealmModel realm, DirectLoginState state) {
        return deployed(session)
                && !find(realm).map(tab -> ConsoleTabForm.of(tab.getConfig())).orElse(ConsoleTabForm.UNSAVED).shows(state);
    }

    /** Makes the tab show {@code state}; nothing is written when it already does. */
    static void show(KeycloakSession session, RealmModel realm, DirectLoginState state) {
        if (!stale(session, realm, state)) {
            return;
        }
        Optional<ComponentModel> stored = find(realm);
        // A copy: the realm cache hands out its own instance.
        ComponentModel tab = stored.map(ComponentModel::new).orElseGet(ComponentModel::new);
        ConsoleTabForm.of(state).writeTo(tab.getConfig());
        if (stored.isPresent()) {
            realm.updateComponent(tab);
        } else {
            tab.setProviderId(DirectLoginConsoleTabFactory.PROVIDER_ID);
            tab.setProviderType(UiTabProvider.class.getName());
            tab.setParentId(realm.getId());
            tab.setName(DirectLoginConsoleTabFactory.PROVIDER_ID);
            realm.addComponentModel(tab);
        }
    }
}
