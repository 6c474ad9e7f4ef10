package vn.binhduong.keycloak.otp.phone.register;

import static vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory.*;

import java.util.Map;

import org.keycloak.models.RequiredActionConfigModel;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;
import vn.binhduong.keycloak.otp.settings.StepConfig;

/**
 * The action's settings (admin console: Authentication, Required actions, configure) with their defaults and
 * bounds. An impossible value is refused when saved ({@link RegisterOtpPhoneActionFactory#validateConfig}); one that
 * got in another way (a realm import) fails the action and the log names the key ({@link StepConfig}).
 */
final class RegisterOtpPhoneSettings {

    private final StepConfig config;

    RegisterOtpPhoneSettings(RequiredActionConfigModel model) {
        this(model == null ? null : model.getConfig());
    }

    RegisterOtpPhoneSettings(Map<String, String> config) {
        this.config = new StepConfig("required action config " + RegisterOtpPhoneActionFactory.PROVIDER_ID, config);
    }

    boolean allowForeign() {
        return config.bool(RegisterOtpPhoneActionFactory.CONF_ALLOW_FOREIGN, false);
    }

    boolean uniqueNumbers() {
        return config.bool(RegisterOtpPhoneActionFactory.CONF_UNIQUE, true);
    }

    SmsOtpPolicy policy() {
        return new SmsOtpPolicy(CODE_LENGTH.defaultValue(), config.integer(LIFETIME), config.integer(MAX_ATTEMPTS),
                config.integer(RESEND_COOLDOWN), config.integer(MAX_RESENDS), config.integer(PHONE_HOURLY_CAP),
                config.integer(IP_HOURLY_CAP));
    }
}
