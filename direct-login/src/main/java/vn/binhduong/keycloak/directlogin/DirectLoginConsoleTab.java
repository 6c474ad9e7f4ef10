package vn.binhduong.keycloak.directlogin;

import java.util.Optional;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * The admin console's "direct login" tab as stored: a component of the realm that the console reads when the tab
 * opens and writes when an administrator saves it. Where the tab is deployed it is the switch's store
 * ({@link DirectLoginSwitch}): the switch's record, and the form showing it, always written together.
 */
final class DirectLoginConsoleTab {

    /** Set on the session while the switch writes its own record, which the tab's validation then takes as is. */
    private static final String STORING = DirectLoginConsoleTab.class.getName() + ".storing";

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

    /** The switch's record and the form that shows it, into a tab's config. */
    static void fill(MultivaluedHashMap<String, String> config, DirectLoginState state) {
        DirectLoginSwitch.writeTo(config, state);
        ConsoleTabForm.of(state).writeTo(config);
    }

    /** Stores {@code state} in the realm's tab, creating the tab if the console never saved it. */
    static void store(KeycloakSession session, RealmModel realm, DirectLoginState state) {
        Optional<ComponentModel> stored = find(realm);
        // A copy: the realm cache hands out its own instance.
        ComponentModel tab = stored.map(ComponentModel::new).orElseGet(ComponentModel::new);
        fill(tab.getConfig(), state);
        session.setAttribute(STORING, Boolean.TRUE);
        try {
            if (stored.isPresent()) {
                realm.updateComponent(tab);
            } else {
                tab.setProviderId(DirectLoginConsoleTabFactory.PROVIDER_ID);
                tab.setProviderType(UiTabProvider.class.getName());
                tab.setParentId(realm.getId());
                tab.setName(DirectLoginConsoleTabFactory.PROVIDER_ID);
                realm.addComponentModel(tab);
            }
        } finally {
            session.removeAttribute(STORING);
        }
    }

    /** True while {@link #store} writes: the tab then holds a record the switch made, not an administrator's form. */
    static boolean storing(KeycloakSession session) {
        return session.getAttribute(STORING) != null;
    }
}
