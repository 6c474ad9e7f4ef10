package vn.binhduong.keycloak.reset;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;

/** The reset's first step, {@value #PROVIDER_ID}. */
public class ResetIdNumberAuthenticatorFactory extends ResetStepFactory {

    public static final String PROVIDER_ID = "bd-reset-id-number";

    public ResetIdNumberAuthenticatorFactory() {
        super(PROVIDER_ID, new ResetIdNumberAuthenticator());
    }

    @Override
    public String getDisplayType() {
        return "Reset: ID number (CCCD/CMND)";
    }

    @Override
    public String getHelpText() {
        return "Asks for the ID number and the captcha; an account that cannot be reset goes on unseen, like an unknown one.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
