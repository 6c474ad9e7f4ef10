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
 * stored form is only what the tab displays ({@link DirectLoginConsoleTab}).
 */
public class DirectLoginConsoleTabFactory implements UiTabProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "bd-direct-login";

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

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        Optional<ComponentModel> existing = DirectLoginConsoleTab.find(realm);
        if (existing.isPresent() && !existing.get().getId().equals(model.getId())) {
            throw new ComponentValidationException("Realm này đã có thẻ \"Đăng nhập trực tiếp\"; hãy sửa thẻ đó.");
        }
        requestedChange(session, realm, model);
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        apply(session, realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        apply(session, realm, newModel);
    }

    private static void apply(KeycloakSession session, RealmModel realm, ComponentModel model) {
        requestedChange(session, realm, model).ifPresent(state -> SwitchWriter.write(session, realm, state,
                adminEvent(session, realm), state.changedAt()));
    }

    /** The state the saved form asks for, or empty if it shows the switch as it is (nothing to change). */
    private static Optional<DirectLoginState> requestedChange(KeycloakSession session, RealmModel realm, ComponentModel model) {
        ConsoleTabForm form = ConsoleTabForm.of(model.getConfig());
        DirectLoginState current = new DirectLoginSwitch(realm).read();
        if (form.shows(current)) {
            return Optional.empty();
        }
        try {
            return Optional.of(form.toChange(current).toState(Time.currentTime(), author(session)));
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(e.getMessage());
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
