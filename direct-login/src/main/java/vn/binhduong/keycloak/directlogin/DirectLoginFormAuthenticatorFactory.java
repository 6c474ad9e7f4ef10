package vn.binhduong.keycloak.directlogin;

import java.util.List;
import java.util.stream.Stream;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.binhduong.keycloak.otp.settings.StepConfig;

public class DirectLoginFormAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-direct-login-form";

    static final String CONF_ALLOWED_GROUP = "bd.directLogin.allowedGroup";
    static final String CONF_REDIRECT_WHEN_OFF = "bd.directLogin.redirectWhenOff";
    static final String CONF_PHONE_LOGIN = "bd.directLogin.byPhone";
    static final String CONF_PHONE_LOGIN_GROUP = "bd.directLogin.byPhoneGroup";
    static final String DEFAULT_ALLOWED_GROUP = "can-bo-mot-cua";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return new DirectLoginFormAuthenticator();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Direct login (switchable)";
    }

    @Override
    public String getHelpText() {
        return "ID number (or OTP phone number) and password, only while an administrator has switched direct login on "
                + "(PUT /admin/realms/{realm}/bd-direct-login) and only for members of the configured group.";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONF_ALLOWED_GROUP).type(ProviderConfigProperty.STRING_TYPE)
                .label("Allowed group")
                .helpText("Only members of this group (name or path) may log in directly; others get a clear refusal.")
                .defaultValue(DEFAULT_ALLOWED_GROUP).add()
                .property().name(CONF_REDIRECT_WHEN_OFF).type(ProviderConfigProperty.STRING_TYPE)
                .label("Identity provider while off")
                .helpText("Alias of the identity provider (e.g. dvcqg) to send users to at once while direct login "
                        + "is off; empty shows the login page with its identity provider buttons only.")
                .defaultValue("").add()
                .property().name(CONF_PHONE_LOGIN).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Phone number as login name")
                .helpText("Users may type the mobile number of their registered OTP phone (0…, +84…) instead of "
                        + "their ID number.")
                .defaultValue("true").add()
                .property().name(CONF_PHONE_LOGIN_GROUP).type(ProviderConfigProperty.STRING_TYPE)
                .label("Group that may use the phone number")
                .helpText("Only members of this group (name or path) are found by their phone number; empty means "
                        + "the allowed group. Anyone else typing a number gets the wrong-password answer.")
                .defaultValue("").add()
                .build();
    }

    /** The configured group as a path ({@code /can-bo-mot-cua}); a bare name is a top-level group. */
    static String allowedGroupPath(AuthenticatorConfigModel config) {
        String value = configured(config, CONF_ALLOWED_GROUP);
        String group = value == null ? DEFAULT_ALLOWED_GROUP : value;
        return group.startsWith("/") ? group : "/" + group;
    }

    static boolean phoneLoginEnabled(AuthenticatorConfigModel config) {
        return StepConfig.of(config, PROVIDER_ID).bool(CONF_PHONE_LOGIN, true);
    }

    /** The group whose members may log in by phone number as a path, or null for the allowed group. */
    static String phoneLoginGroupPath(AuthenticatorConfigModel config) {
        String group = configured(config, CONF_PHONE_LOGIN_GROUP);
        return group == null || group.startsWith("/") ? group : "/" + group;
    }

    /** The allowed groups (as paths) of every execution of this step in the realm's flows. */
    static Stream<String> allowedGroupPaths(RealmModel realm) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> PROVIDER_ID.equals(execution.getAuthenticator()))
                .map(execution -> execution.getAuthenticatorConfig() == null ? null
                        : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                .map(DirectLoginFormAuthenticatorFactory::allowedGroupPath).distinct();
    }

    /** The identity provider alias to redirect to while off, or null for none. */
    static String redirectWhenOff(AuthenticatorConfigModel config) {
        return configured(config, CONF_REDIRECT_WHEN_OFF);
    }

    private static String configured(AuthenticatorConfigModel config, String key) {
        return StepConfig.of(config, PROVIDER_ID).text(key);
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
