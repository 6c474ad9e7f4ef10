package vn.binhduong.keycloak.reset;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The reset's last step, {@value #PROVIDER_ID}. */
public class ResetNewPasswordAuthenticatorFactory extends ResetStepFactory {

    public static final String PROVIDER_ID = "bd-reset-new-password";
    public static final String CONF_SIGN_OUT_OTHER_SESSIONS = "bd.reset.signOutOtherSessions";

    public ResetNewPasswordAuthenticatorFactory() {
        super(PROVIDER_ID, new ResetNewPasswordAuthenticator());
    }

    @Override
    public String getDisplayType() {
        return "Reset: new password";
    }

    @Override
    public String getHelpText() {
        return "Asks for the new password twice and the captcha, applies the realm's password policy, then shows the success page.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONF_SIGN_OUT_OTHER_SESSIONS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Sign out the user's sessions")
                .helpText("After the reset, end every session of the user (offline ones too), as a stolen password's would be.")
                .defaultValue(true).add()
                .build();
    }
}
