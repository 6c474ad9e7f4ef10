package vn.binhduong.keycloak.reset;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory;

/**
 * The reset's SMS code step, {@value #PROVIDER_ID}, with the sms-otp step's settings (lifetime, attempts, resends,
 * caps) under the same keys; only the no-phone choice is left out, since such an account goes the unseen way.
 */
public class ResetSmsCodeAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-reset-sms-code";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED};

    private final ResetSmsCodeAuthenticator authenticator = new ResetSmsCodeAuthenticator();

    @Override
    public String getDisplayType() {
        return "Reset: SMS code";
    }

    @Override
    public String getHelpText() {
        return "Sends a one-time code by SMS to the account's OTP phone and checks it; an account that cannot be reset gets the same page and no SMS.";
    }

    /** None: a wrong code then counts in Keycloak's brute-force protection of the user, as a wrong password does. */
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
        return new SmsOtpAuthenticatorFactory().getConfigProperties().stream()
                .filter(property -> !property.getName().equals(SmsOtpAuthenticatorFactory.CONF_NO_PHONE))
                .toList();
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
