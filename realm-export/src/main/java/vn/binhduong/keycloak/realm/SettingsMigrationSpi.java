package vn.binhduong.keycloak.realm;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Brings settings stored by an older version of the extensions up to the current names ({@link SettingsMigration}). */
public class SettingsMigrationSpi implements Spi {

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return "bd-settings-migration";
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SettingsMigration.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SettingsMigrationFactory.class;
    }
}
