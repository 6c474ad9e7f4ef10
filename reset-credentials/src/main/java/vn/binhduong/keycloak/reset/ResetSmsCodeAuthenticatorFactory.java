package vn.binhduong.keycloak.reset;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.binhduong.keycloak.otp.authenticator.SmsOtpAuthenticatorFactory;

/**
 * The reset's SMS code step, {@value #PROVIDER_ID}, with the bd-sms-otp step's settings (lifetime, attempts, resends,
 * caps) under the same keys, plus the per-client-IP cap of the anonymous flows; only the no-phone choice is left
 * out, since such an account goes the unseen way.
 */
public class ResetSmsCodeAuthenticatorFactory extends ResetStepFactory {

    public static final String PROVIDER_ID = "bd-reset-sms-code";

    public ResetSmsCodeAuthenticatorFactory() {
        super(PROVIDER_ID, new ResetSmsCodeAuthenticator());
    }

    @Override
    public String getDisplayType() {
        return "Reset: SMS code";
    }

    @Override
    public String getHelpText() {
        return "Sends a one-time code by SMS to the account's OTP phone and checks it; an account that cannot be reset gets the same page and no SMS.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(new SmsOtpAuthenticatorFactory().getConfigProperties()
                .stream().filter(property -> !property.getName().equals(SmsOtpAuthenticatorFactory.CONF_NO_PHONE))
                .toList());
        // Anyone can start a reset: it has the per-client-IP cap the login step has not.
        properties.addAll(SmsOtpAuthenticatorFactory.ipCapProperty(ProviderConfigurationBuilder.create()).build());
        return properties;
    }
}
