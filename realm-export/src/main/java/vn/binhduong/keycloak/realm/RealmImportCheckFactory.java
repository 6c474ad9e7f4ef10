package vn.binhduong.keycloak.realm;

import org.keycloak.provider.ProviderFactory;

public interface RealmImportCheckFactory extends ProviderFactory<RealmImportCheck> {
}
