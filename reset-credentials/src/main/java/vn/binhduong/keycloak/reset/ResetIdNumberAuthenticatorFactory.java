package vn.binhduong.keycloak.reset;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The reset's first step, {@value #PROVIDER_ID}. */
public class ResetIdNumberAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-reset-id-number";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED};

    private final ResetIdNumberAuthenticator authenticator = new ResetIdNumberAuthenticator();

    @Override
    public String getDisplayType() {
        return "Reset: ID number (CCCD/CMND)";
    }

    @Override
    public String getHelpText() {
        return "Asks for the ID number and the captcha; an account that cannot be reset goes on unseen, like an unknown one.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
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
        return List.of();
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
