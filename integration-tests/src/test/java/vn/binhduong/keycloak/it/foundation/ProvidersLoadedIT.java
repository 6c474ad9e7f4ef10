package vn.binhduong.keycloak.it.foundation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;

@ExtendWith(KeycloakExtension.class)
class ProvidersLoadedIT {

    @Test
    void everyFactoryOfOursIsLoadedAndTheThemeIsThere(AdminApi admin) throws Exception {
        FoundationChecks.ourProvidersAndThemeAreLoaded(admin);
    }
}
