package vn.binhduong.keycloak.otp.phone.register;

import static vn.binhduong.keycloak.otp.phone.register.RegisterOtpPhoneActionFactory.*;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.RequiredActionConfigModel;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;

/**
 * The action's settings (admin console: Authentication, Required actions, configure) with their defaults and
 * bounds. An impossible value is refused when saved ({@link RegisterOtpPhoneActionFactory#validateConfig}); one that
 * got in another way falls back to the default with a log line naming the key.
 */
final class RegisterOtpPhoneSettings {

    private static final Logger LOG = Logger.getLogger(RegisterOtpPhoneSettings.class);

    private final Map<String, String> config;

    RegisterOtpPhoneSettings(RequiredActionConfigModel model) {
        this(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    RegisterOtpPhoneSettings(Map<String, String> config) {
        this.config = config;
    }

    boolean allowForeign() {
        return Boolean.parseBoolean(config.getOrDefault(CONF_ALLOW_FOREIGN, "false").trim());
    }

    boolean uniqueNumbers() {
        return Boolean.parseBoolean(config.getOrDefault(CONF_UNIQUE, "true").trim());
    }

    SmsOtpPolicy policy() {
        SmsOtpPolicy d = SmsOtpPolicy.DEFAULT;
        return new SmsOtpPolicy(
                d.codeLength(),
                integer(CONF_LIFETIME, d.lifetimeSeconds()),
                integer(CONF_MAX_ATTEMPTS, d.maxAttempts()),
                integer(CONF_RESEND_COOLDOWN, d.resendCooldownSeconds()),
                integer(CONF_MAX_RESENDS, d.maxResends()),
                integer(CONF_PHONE_HOURLY_CAP, d.phoneHourlyCap()),
                integer(CONF_IP_HOURLY_CAP, d.ipHourlyCap()));
    }

    /** The key of the first impossible value, or null when all are possible. */
    String firstImpossibleKey() {
        for (Map.Entry<String, int[]> bound : BOUNDS.entrySet()) {
            String value = config.get(bound.getKey());
            if (value != null && !value.isBlank() && parse(value, bound.getValue()) == null) {
                return bound.getKey();
            }
        }
        return null;
    }

    private int integer(String key, int defaultValue) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        Integer parsed = parse(value, BOUNDS.get(key));
        if (parsed == null) {
            LOG.errorf("%s required action config: impossible value for '%s', default used", PROVIDER_ID, key);
            return defaultValue;
        }
        return parsed;
    }

    private static Integer parse(String value, int[] bounds) {
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed >= bounds[0] && parsed <= bounds[1] ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
