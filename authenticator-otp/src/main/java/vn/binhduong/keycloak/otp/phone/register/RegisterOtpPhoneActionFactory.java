package vn.binhduong.keycloak.otp.phone.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.validate.ValidationError;
import org.keycloak.userprofile.ValidationException;

import vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory;
import vn.binhduong.keycloak.otp.settings.IntSetting;
import vn.binhduong.keycloak.otp.settings.StepConfig;

/**
 * "Register OTP phone": a required action, also started by an application with {@code kc_action}. Its settings
 * are the required action's config in the admin console.
 */
public class RegisterOtpPhoneActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "bd-register-otp-phone";

    public static final String CONF_ALLOW_FOREIGN = "bd.otpPhone.allowForeignNumbers";
    public static final String CONF_UNIQUE = "bd.otpPhone.uniqueNumbers";

    /** The SMS code challenge's settings (the bd-sms-otp step's, under its keys), the per-IP cap included. */
    static final List<IntSetting> CHALLENGE = Stream.concat(SmsOtpAuthenticatorFactory.CODE_CHALLENGE.stream(),
            Stream.of(SmsOtpAuthenticatorFactory.IP_HOURLY_CAP)).toList();

    private final RegisterOtpPhoneAction action = new RegisterOtpPhoneAction();

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(CONF_ALLOW_FOREIGN).type(ProviderConfigProperty.BOOLEAN_TYPE).label("Allow foreign numbers")
                .helpText("Off: only Vietnamese (+84) mobiles can be registered.").defaultValue("false").add()
                .property().name(CONF_UNIQUE).type(ProviderConfigProperty.BOOLEAN_TYPE).label("One account per number")
                .helpText("On: a number bound to another account is refused.").defaultValue("true").add();
        List<ProviderConfigProperty> properties = new ArrayList<>(SmsOtpAuthenticatorFactory.ipCapProperty(
                SmsOtpAuthenticatorFactory.codeChallengeProperties(builder, "Resends per number",
                        "New codes a user may ask for one number.")).build());
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return properties;
    }

    /** An impossible value is refused here, on save; one stored anyway fails the action ({@link StepConfig}). */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        Map<String, String> config = model.getConfig() == null ? Map.of() : model.getConfig();
        Stream.concat(CHALLENGE.stream().filter(setting -> !setting.allows(config.get(setting.key()))).map(IntSetting::key),
                        Stream.of(CONF_ALLOW_FOREIGN, CONF_UNIQUE).filter(key -> !isBoolean(config.get(key))))
                .findFirst().ifPresent(impossible -> {
                    throw new ValidationException(new ValidationError(getId(), impossible, "error-invalid-value"));
                });
    }

    private static boolean isBoolean(String value) {
        return value == null || value.isBlank() || value.trim().equalsIgnoreCase("true")
                || value.trim().equalsIgnoreCase("false");
    }

    @Override
    public String getDisplayText() {
        return "Register OTP phone";
    }

    @Override
    public boolean isOneTimeAction() {
        return true;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
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
