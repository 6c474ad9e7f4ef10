package vn.binhduong.keycloak.dvcqg;

/**
 * The DVCQG provider under version 1.0's id, {@value #LEGACY_PROVIDER_ID}, so that a realm exported from 1.0 still
 * imports: Keycloak looks the identity provider's factory up while it imports, before any extension can rename
 * it. The settings migration (realm-export module) then gives the provider the id {@code bd-dvcqg} in the same
 * transaction, and does so for a 1.0 database at start-up. To remove once no 1.0 export needs importing.
 */
public final class LegacyIdDvcqgIdentityProviderFactory extends DvcqgIdentityProviderFactory {

    public static final String LEGACY_PROVIDER_ID = "dvcqg";

    @Override
    public String getId() {
        return LEGACY_PROVIDER_ID;
    }

    @Override
    public String getName() {
        return super.getName() + " – version 1.0 id, for importing old exports only";
    }
}
