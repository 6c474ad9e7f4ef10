package vn.binhduong.keycloak.reset;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What the reset's three steps share: each is required in its flow, sets up nothing for the user, and is one
 * stateless authenticator. None names a credential category, so a wrong entry counts in Keycloak's brute-force
 * protection of the user, as a wrong password does.
 */
abstract class ResetStepFactory implements AuthenticatorFactory {

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED};

    private final String id;
    private final Authenticator authenticator;

    ResetStepFactory(String id, Authenticator authenticator) {
        this.id = id;
        this.authenticator = authenticator;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getReferenceCategory() {
        return null;
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
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
