package vn.binhduong.keycloak.directlogin;

import org.keycloak.authentication.AuthenticationFlowContext;

import vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticator;

/** The SMS code step of the direct login: no SMS and no comparison once the switch is closed ({@link SwitchGuard}). */
public class DirectLoginSmsOtpAuthenticator extends SmsOtpAuthenticator {

    @Override
    protected boolean mayGoOn(AuthenticationFlowContext context) {
        return SwitchGuard.open(context);
    }
}
