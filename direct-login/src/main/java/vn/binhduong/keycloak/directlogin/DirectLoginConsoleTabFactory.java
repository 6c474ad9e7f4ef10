package vn.binhduong.keycloak.directlogin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "direct login" tab on Realm settings in the admin console (Keycloak's declarative UI, feature
 * {@code declarative-ui}). Saving the tab is a change of the switch like a PUT to the REST endpoint: the same
 * rules, Vietnamese refusals shown by the console, the same admin event with the administrator as author. The
 * stored tab is the switch's store ({@link DirectLoginConsoleTab}).
 */
public class DirectLoginConsoleTabFactory implements UiTabProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "bd-direct-login";

    /** The change an administrator's save asks for, from its validation to its recording in the same request. */
    private static final String SAVED_CHANGE = DirectLoginConsoleTabFactory.class.getName() + ".savedChange";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /**
     * The console adds a declarative tab only while its path matches the address (RoutableTabs' matchPath). "Realm
     * settings" in the menu opens {@code #/{realm}/realm-settings}, with no tab segment: with a required {@code :tab}
     * the tab was missing until another tab was clicked. The optional segment (react-router 6) matches both.
     */
    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", PROVIDER_ID);
    }

    @Override
    public String getHelpText() {
        return "Turns direct login (ID number, password, then an SMS code) on or off while DVCQG is down.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConsoleTabForm.PROPERTIES;
    }

    /**
     * An administrator's save becomes the change it asks for, with the same rules as the REST endpoint (a refusal
     * is shown by the console), and the saved component then holds the switch as changed, form and record alike.
     * The switch's own writes ({@link DirectLoginConsoleTab#store}) pass unchanged.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        Optional<ComponentModel> existing = DirectLoginConsoleTab.find(realm);
        if (existing.isPresent() && !existing.get().getId().equals(model.getId())) {
            throw refusal(session, new AdminRefusal("bdDirectLoginTabOneOnly"));
        }
        if (DirectLoginConsoleTab.storing(session)) {
            return;
        }
        ConsoleTabForm form = ConsoleTabForm.of(model.getConfig());
        DirectLoginState current = new DirectLoginSwitch(session, realm).read();
        DirectLoginState next = current;
        if (!form.shows(current)) {
            try {
                next = form.toChange(current).toState(Time.currentTime(), author(session));
            } catch (AdminRefusal refusal) {
                throw refusal(session, refusal);
            }
            session.setAttribute(SAVED_CHANGE, next);
        }
        DirectLoginConsoleTab.fill(model.getConfig(), next);
    }

    /**
     * Put into words here, in the language {@link AdminTexts} resolves: Keycloak would look a key up in the admin
     * token's locale claim only, and fall back to English where the token has none.
     */
    private static ComponentValidationException refusal(KeycloakSession session, AdminRefusal refusal) {
        return new ComponentValidationException(AdminTexts.text(session, session.getContext().getUser(), refusal));
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        saved(session, realm);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        saved(session, realm);
    }

    /** Once the tab holds the switch: the switch's realm attributes go, and a change saved from the console is recorded. */
    private static void saved(KeycloakSession session, RealmModel realm) {
        new DirectLoginSwitch(session, realm).dropRealmAttributes();
        if (session.removeAttribute(SAVED_CHANGE) instanceof DirectLoginState change) {
            SwitchWriter.record(change, adminEvent(session, realm), change.changedAt());
        }
    }

    /** As the REST endpoint writes it: realm of the administrator / username. */
    private static String author(KeycloakSession session) {
        AdminAuth auth = adminAuth(session);
        return auth == null ? "system" : auth.getRealm().getName() + "/" + auth.getUser().getUsername();
    }

    /** The administrator whose bearer token the admin REST API accepted for this request. */
    private static AdminAuth adminAuth(KeycloakSession session) {
        UserModel user = session.getContext().getUser();
        if (!(session.getContext().getBearerToken() instanceof AccessToken token) || user == null) {
            return null;
        }
        String issuer = token.getIssuer();
        RealmModel adminRealm = session.realms().getRealmByName(issuer.substring(issuer.lastIndexOf('/') + 1));
        if (adminRealm == null) {
            return null;
        }
        ClientModel client = adminRealm.getClientByClientId(token.getIssuedFor());
        return new AdminAuth(adminRealm, token, user, client);
    }

    private static AdminEventBuilder adminEvent(KeycloakSession session, RealmModel realm) {
        AdminAuth auth = adminAuth(session);
        return auth == null ? BackgroundAdminEvent.realmUpdate(session, realm, PROVIDER_ID)
                : new AdminEventBuilder(realm, auth, session, session.getContext().getConnection());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
