package vn.binhduong.keycloak.dvcqg;

import org.keycloak.broker.oidc.mappers.UserAttributeMapper;

/**
 * Keycloak's claim-to-attribute importer offered for DVCQG: the provider keeps the userinfo answer where that
 * mapper reads claims, so any other claim ({@code GioiTinh}, {@code QuocTich}, {@code ThuongTru}…) can be imported.
 */
public final class DvcqgClaimToAttributeMapper extends UserAttributeMapper {

    public static final String PROVIDER_ID = "bd-dvcqg-claim-to-attribute";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {DvcqgIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayType() {
        return "DVCQG claim to user attribute";
    }

    @Override
    public String getHelpText() {
        return "Imports a DVCQG userinfo claim (e.g. QuocTich, ThuongTru) into a user attribute.";
    }
}
