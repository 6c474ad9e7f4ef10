package vn.binhduong.keycloak.directlogin;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.RecoveryAuthnCodesFormAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's recovery-code form as the direct login's other second factor, for an official whose phone is lost
 * while DVCQG is down, closed with the switch like the SMS step ({@link SwitchGuard}). Keycloak's form does the
 * rest: the events ({@code LOGIN} / {@code LOGIN_ERROR} with {@code credential_type} {@code recovery-authn-codes}),
 * brute-force detection, spending the code, new codes once the last is used. It wraps that form rather than
 * extending it: Keycloak offers credential-type steps before all others among alternatives, and the SMS code must
 * stay the one asked first, with the recovery code behind "Try another way".
 */
final class DirectLoginRecoveryCodeAuthenticator implements Authenticator {

    private final RecoveryAuthnCodesFormAuthenticator form;

    DirectLoginRecoveryCodeAuthenticator(KeycloakSession session) {
        this.form = new RecoveryAuthnCodesFormAuthenticator(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (SwitchGuard.open(context)) {
            form.authenticate(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SwitchGuard.open(context)) {
            form.action(context);
        }
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return form.configuredFor(session, realm, user);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Never asks for codes: an official sets them up by choice in the account console.
    }

    @Override
    public void close() {
    }
}
