package vn.binhduong.keycloak.dvcqg;

import org.keycloak.broker.provider.BrokeredIdentityContext;

/** Puts a validated DVCQG profile into Keycloak's broker model: username, split names, e-mail and attributes. */
final class DvcqgIdentityMapping {

    private DvcqgIdentityMapping() {
    }

    static void apply(DvcqgProfile profile, BrokeredIdentityContext identity) {
        identity.setUsername(profile.username());
        VietnameseName name = VietnameseName.split(profile.fullName());
        identity.setLastName(name.familyName());
        identity.setFirstName(name.givenNames());
        // Never an invented address; verified only if the admin sets "Trust e-mail" on the provider.
        identity.setEmail(profile.email());
        identity.setUserAttribute(DvcqgIdentityProvider.ATTR_ACCOUNT_TYPE, profile.accountType().name().toLowerCase(java.util.Locale.ROOT));
        setIfPresent(identity, DvcqgIdentityProvider.ATTR_PHONE, profile.phoneE164());
        if (profile.phoneE164() != null) {
            // DVCQG's number is what the person told the portal, not a number we sent a code to.
            identity.setUserAttribute(DvcqgIdentityProvider.ATTR_PHONE_VERIFIED, Boolean.FALSE.toString());
        }
        setIfPresent(identity, DvcqgIdentityProvider.ATTR_BIRTH_DATE, profile.birthDate());
        setIfPresent(identity, DvcqgIdentityProvider.ATTR_ENTERPRISE_NAME, profile.enterpriseName());
        setIfPresent(identity, DvcqgIdentityProvider.ATTR_ENTERPRISE_ADDRESS, profile.enterpriseAddress());
    }

    private static void setIfPresent(BrokeredIdentityContext identity, String attribute, String value) {
        if (value != null) {
            identity.setUserAttribute(attribute, value);
        }
    }
}
