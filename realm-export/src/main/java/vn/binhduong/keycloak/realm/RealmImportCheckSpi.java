package vn.binhduong.keycloak.realm;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

public class RealmImportCheckSpi implements Spi {

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return "bd-realm-import-check";
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RealmImportCheck.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RealmImportCheckFactory.class;
    }
}
