package vn.binhduong.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SettingsRenamesTest {

    @Test
    void dvcqgKeysOfVersion10GetTheFeaturePrefixAndKeycloaksOwnKeepTheirNames() {
        assertThat(SettingsRenames.identityProviderKey("dvcqgBaseUrl")).isEqualTo("bd.dvcqg.baseUrl");
        assertThat(SettingsRenames.identityProviderKey("dvcqgUserInfoPath")).isEqualTo("bd.dvcqg.userInfoPath");
        assertThat(SettingsRenames.identityProviderKey("dvcqgClaim.TechID")).isEqualTo("bd.dvcqg.claim.TechID");
        for (String kept : new String[] {"clientId", "clientSecret", "pkceEnabled", "dvcqg", "dvcqgs", "bd.dvcqg.baseUrl"}) {
            assertThat(SettingsRenames.identityProviderKey(kept)).as(kept).isNull();
        }
    }

    @Test
    void everyCurrentNameIsSpeltTheOneWay() {
        SettingsRenames.AUTHENTICATORS.values().forEach(id -> assertThat(id).startsWith("bd-"));
        Stream.concat(SettingsRenames.AUTHENTICATOR_CONFIG_KEYS.values().stream(),
                        SettingsRenames.REQUIRED_ACTION_CONFIG_KEYS.values().stream())
                .map(Map::values).flatMap(keys -> keys.stream())
                .forEach(key -> assertThat(key).matches("bd\\.[a-z][A-Za-z]*\\.[a-z][A-Za-z]*"));
        assertThat(SettingsRenames.AUTHENTICATOR_CONFIG_KEYS.keySet()).allMatch(id -> id.startsWith("bd-"));
    }
}
