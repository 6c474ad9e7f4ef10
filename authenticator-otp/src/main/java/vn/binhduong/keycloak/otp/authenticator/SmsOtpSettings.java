package vn.binhduong.keycloak.otp.authenticator;

import org.keycloak.models.AuthenticatorConfigModel;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;
import vn.binhduong.keycloak.otp.settings.StepConfig;

import static vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory.*;

/**
 * Reads an execution's config with its defaults and bounds ({@link StepConfig}: an impossible value fails the
 * flow and names the key). Public for the password reset's code step, which takes the same settings.
 */
public final class SmsOtpSettings {

    private final StepConfig config;

    public SmsOtpSettings(AuthenticatorConfigModel model) {
        // The reset's and the direct login's SMS steps read their configs here too: the log names the alias.
        this.config = StepConfig.of(model, PROVIDER_ID);
    }

    public SmsOtpPolicy policy() {
        return new SmsOtpPolicy(config.integer(CODE_LENGTH), config.integer(LIFETIME), config.integer(MAX_ATTEMPTS),
                config.integer(RESEND_COOLDOWN), config.integer(MAX_RESENDS), config.integer(PHONE_HOURLY_CAP),
                config.integer(IP_HOURLY_CAP));
    }

    NoPhonePolicy noPhonePolicy() {
        return config.choice(CONF_NO_PHONE, NoPhonePolicy.class, NoPhonePolicy.REFUSE);
    }
}
