package vn.binhduong.keycloak.otp.phone.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * "Register OTP phone": a required action, also started by an application with {@code kc_action}. Its settings
 * are the required action's config in the admin console.
 */
public class RegisterOtpPhoneActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "bd-register-otp-phone";

    public static final String CONF_ALLOW_FOREIGN = "allowForeignNumbers";
    public static final String CONF_UNIQUE = "uniqueNumbers";
    public static final String CONF_LIFETIME = SmsOtpAuthenticatorFactory.CONF_LIFETIME;
    public static final String CONF_MAX_ATTEMPTS = SmsOtpAuthenticatorFactory.CONF_MAX_ATTEMPTS;
    public static final String CONF_RESEND_COOLDOWN = SmsOtpAuthenticatorFactory.CONF_RESEND_COOLDOWN;
    public static final String CONF_MAX_RESENDS = SmsOtpAuthenticatorFactory.CONF_MAX_RESENDS;
    public static final String CONF_PHONE_HOURLY_CAP = SmsOtpAuthenticatorFactory.CONF_PHONE_HOURLY_CAP;
    public static final String CONF_IP_HOURLY_CAP = SmsOtpAuthenticatorFactory.CONF_IP_HOURLY_CAP;

    /** Lowest and highest possible value of each integer setting. */
    static final Map<String, int[]> BOUNDS = bounds();

    private final RegisterOtpPhoneAction action = new RegisterOtpPhoneAction();

    private static Map<String, int[]> bounds() {
        Map<String, int[]> bounds = new LinkedHashMap<>();
        bounds.put(CONF_LIFETIME, new int[] {1, 3600});
        bounds.put(CONF_MAX_ATTEMPTS, new int[] {1, 20});
        bounds.put(CONF_RESEND_COOLDOWN, new int[] {0, 3600});
        bounds.put(CONF_MAX_RESENDS, new int[] {0, 20});
        bounds.put(CONF_PHONE_HOURLY_CAP, new int[] {1, 1000});
        bounds.put(CONF_IP_HOURLY_CAP, new int[] {1, 100000});
        return Map.copyOf(bounds);
    }

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

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        String impossible = new RegisterOtpPhoneSettings(model).firstImpossibleKey();
        if (impossible != null) {
            throw new ValidationException(new ValidationError(getId(), impossible, "error-invalid-value"));
        }
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
