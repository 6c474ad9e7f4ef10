package vn.binhduong.keycloak.dvcqg;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** First broker login step: link to the account made in advance by ID number, or create one only if allowed. */
public final class DvcqgProvisionedUserAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-dvcqg-provisioned-user";
    static final String CONF_CREATE_UNKNOWN_USERS = "bd.dvcqg.createUnknownUsers";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "DVCQG: provisioned account";
    }

    @Override
    public String getHelpText() {
        return "Finds the account whose username is the ID number; creates one for unknown people only if allowed.";
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
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONF_CREATE_UNKNOWN_USERS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Create accounts for unknown people")
                .helpText("When off, a DVCQG login whose ID number matches no account is refused and nothing is created.")
                .defaultValue("false").add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new DvcqgProvisionedUserAuthenticator();
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
