package vn.binhduong.keycloak.otp.phone;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@value OtpPhoneCredentialModel#TYPE} credential type. */
public class OtpPhoneCredentialProviderFactory implements CredentialProviderFactory<OtpPhoneCredentialProvider> {

    public static final String PROVIDER_ID = OtpPhoneCredentialModel.TYPE;

    @Override
    public OtpPhoneCredentialProvider create(KeycloakSession session) {
        return new OtpPhoneCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
