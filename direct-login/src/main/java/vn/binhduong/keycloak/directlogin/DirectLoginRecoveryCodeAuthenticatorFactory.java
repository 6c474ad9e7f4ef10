package vn.binhduong.keycloak.directlogin;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.RecoveryAuthnCodesFormAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's recovery-code form closed with the direct-login switch. The shipped realm has it DISABLED beside the
 * SMS step; an administrator sets it to ALTERNATIVE to offer it (README, lost phone). Needs Keycloak's
 * {@code recovery-codes} feature, on by default in 26.7.
 */
public class DirectLoginRecoveryCodeAuthenticatorFactory extends RecoveryAuthnCodesFormAuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-direct-login-recovery-code";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Direct login: recovery code";
    }

    @Override
    public String getHelpText() {
        return "A recovery code instead of the SMS code in the direct login (a lost phone); refuses once the direct-login switch is off.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new DirectLoginRecoveryCodeAuthenticator(session);
    }
}
