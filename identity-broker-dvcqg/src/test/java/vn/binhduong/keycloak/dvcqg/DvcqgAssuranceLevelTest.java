package vn.binhduong.keycloak.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderModel;

class DvcqgAssuranceLevelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OptionalInt level(String userInfo) throws Exception {
        return DvcqgAssuranceLevel.of(JSON.readTree(userInfo), DvcqgClaimNames.defaults());
    }

    @Test
    void dvcqgsLoaTextIsItsNumber() throws Exception {
        assertThat(level("{\"loAs\": \"LoA2\"}")).hasValue(2);
        assertThat(level("{\"loAs\": 1}")).hasValue(1);
        assertThat(level("{\"loAs\": \"urn:dvcqg:loa:3\"}")).hasValue(3);
    }

    @Test
    void aListCountsByItsHighestLevel() throws Exception {
        assertThat(level("{\"loAs\": [\"LoA1\", \"LoA2\"]}")).hasValue(2);
    }

    @Test
    void withVneidsIalBesideItTheLowerOfTheTwoCounts() throws Exception {
        assertThat(level("{\"loAs\": \"LoA2\", \"IAL\": \"IAL1\"}")).hasValue(1);
        assertThat(level("{\"loAs\": \"LoA1\", \"IAL\": 2}")).hasValue(1);
        assertThat(level("{\"IAL\": \"2\"}")).hasValue(2);
    }

    @Test
    void noLevelNamedIsNoLevel() throws Exception {
        assertThat(level("{}")).isEmpty();
        assertThat(level("{\"loAs\": \"\", \"IAL\": null}")).isEmpty();
        assertThat(level("{\"loAs\": {\"level\": 2}}")).isEmpty();
        assertThat(level("{\"loAs\": \"cao\"}")).isEmpty();
    }

    @Test
    void theClaimNamesAreSettingsLikeTheOthers() throws Exception {
        DvcqgClaimNames renamed = DvcqgClaimNames.from(Map.of("bd.dvcqg.claim.loAs", "LevelOfAssurance", "bd.dvcqg.claim.IAL", "ial"));

        assertThat(DvcqgAssuranceLevel.of(JSON.readTree("{\"LevelOfAssurance\": \"LoA2\", \"ial\": \"IAL2\", \"loAs\": \"LoA1\"}"),
                renamed)).hasValue(2);
    }

    @Test
    void theMinimumDefaultsToAnyLevelAndRefusesNonsense() {
        IdentityProviderModel model = new IdentityProviderModel();
        DvcqgIdentityProviderConfig config = new DvcqgIdentityProviderConfig(model);
        assertThat(config.minLevel()).isZero();

        config.getConfig().put(DvcqgIdentityProviderConfig.CONF_MIN_LEVEL, "2");
        assertThat(config.minLevel()).isEqualTo(2);

        config.getConfig().put(DvcqgIdentityProviderConfig.CONF_MIN_LEVEL, "hai");
        assertThatThrownBy(config::minLevel).hasMessageContaining(DvcqgIdentityProviderConfig.CONF_MIN_LEVEL);
    }
}
