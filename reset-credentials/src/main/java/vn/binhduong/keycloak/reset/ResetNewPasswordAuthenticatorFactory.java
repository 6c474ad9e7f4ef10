package vn.binhduong.keycloak.reset;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The reset's last step, {@value #PROVIDER_ID}. */
public class ResetNewPasswordAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-reset-new-password";
    public static final String CONF_SIGN_OUT_OTHER_SESSIONS = "signOutOtherSessions";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED};

    private final ResetNewPasswordAuthenticator authenticator = new ResetNewPasswordAuthenticator();

    @Override
    public String getDisplayType() {
        return "Reset: new password";
    }

    @Override
    public String getHelpText() {
        return "Asks for the new password twice and the captcha, applies the realm's password policy, then shows the success page.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONF_SIGN_OUT_OTHER_SESSIONS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Sign out the user's sessions")
                .helpText("After the reset, end every session of the user (offline ones too), as a stolen password's would be.")
                .defaultValue(true).add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
