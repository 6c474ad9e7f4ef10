package vn.binhduong.keycloak.otp.authenticator;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.models.AuthenticatorConfigModel;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;

import static vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory.*;

/**
 * Reads an execution's config with its defaults and bounds; an impossible value stops the flow and names the key.
 * Public for the password reset's code step, which takes the same settings.
 */
public final class SmsOtpSettings {

    private static final Logger LOG = Logger.getLogger(SmsOtpSettings.class);

    private final Map<String, String> config;

    public SmsOtpSettings(AuthenticatorConfigModel model) {
        this.config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    public SmsOtpPolicy policy() {
        SmsOtpPolicy d = SmsOtpPolicy.DEFAULT;
        return new SmsOtpPolicy(
                integer(CONF_CODE_LENGTH, d.codeLength(), 4, 10),
                integer(CONF_LIFETIME, d.lifetimeSeconds(), 1, 3600),
                integer(CONF_MAX_ATTEMPTS, d.maxAttempts(), 1, 20),
                integer(CONF_RESEND_COOLDOWN, d.resendCooldownSeconds(), 0, 3600),
                integer(CONF_MAX_RESENDS, d.maxResends(), 0, 20),
                integer(CONF_PHONE_HOURLY_CAP, d.phoneHourlyCap(), 1, 1000),
                integer(CONF_IP_HOURLY_CAP, d.ipHourlyCap(), 1, 100000));
    }

    NoPhonePolicy noPhonePolicy() {
        String value = config.get(CONF_NO_PHONE);
        if (value == null || value.isBlank()) {
            return NoPhonePolicy.REFUSE;
        }
        try {
            return NoPhonePolicy.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw impossible(CONF_NO_PHONE);
        }
    }

    private int integer(String key, int defaultValue, int min, int max) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw impossible(key);
    }

    private static AuthenticationFlowException impossible(String key) {
        LOG.errorf("sms-otp execution config: impossible value for '%s'", key);
        return new AuthenticationFlowException("sms-otp config key " + key, AuthenticationFlowError.INTERNAL_ERROR);
    }
}
