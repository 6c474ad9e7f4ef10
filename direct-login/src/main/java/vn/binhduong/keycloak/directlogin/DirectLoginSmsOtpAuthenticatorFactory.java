package vn.binhduong.keycloak.directlogin;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory;

/** The SMS OTP step with its settings, closed with the direct-login switch; for the direct login's subflow. */
public class DirectLoginSmsOtpAuthenticatorFactory extends SmsOtpAuthenticatorFactory {

    public static final String PROVIDER_ID = "bd-direct-login-sms-otp";

    private final DirectLoginSmsOtpAuthenticator authenticator = new DirectLoginSmsOtpAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Direct login: SMS OTP";
    }

    @Override
    public String getHelpText() {
        return "The SMS OTP step for the direct login: refuses, and sends nothing, once the direct-login switch is off.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }
}
