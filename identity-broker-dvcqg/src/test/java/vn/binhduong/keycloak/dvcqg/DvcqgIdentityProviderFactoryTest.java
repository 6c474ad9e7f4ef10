package vn.binhduong.keycloak.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class DvcqgIdentityProviderFactoryTest {

    private final Map<String, ProviderConfigProperty> properties = new DvcqgIdentityProviderFactory().getConfigProperties()
            .stream().collect(Collectors.toMap(ProviderConfigProperty::getName, Function.identity()));

    @Test
    void everyClaimNameIsASettingWhoseDefaultIsTheObservedName() {
        assertThat(DvcqgClaim.values()).allSatisfy(claim -> {
            ProviderConfigProperty property = properties.get(claim.configKey());
            assertThat(property).as(claim.name()).isNotNull();
            assertThat(property.getType()).isEqualTo(ProviderConfigProperty.STRING_TYPE);
            assertThat(property.getDefaultValue()).isEqualTo(claim.defaultName());
        });
        assertThat(properties.get("bd.dvcqg.claim.TechID").getDefaultValue()).isEqualTo("TechID");
        assertThat(properties.get("bd.dvcqg.claim.NgayThangNamSinh")).isNotNull();
    }

    @Test
    void theClientSecretIsMaskedAndTheOptionsAreLists() {
        assertThat(properties.get("clientSecret").isSecret()).isTrue();
        assertThat(properties.get("clientAuthMethod").getOptions()).containsExactly("client_secret_post", "client_secret_basic");
        assertThat(properties.get(DvcqgIdentityProviderConfig.CONF_USERINFO_METHOD).getOptions()).containsExactly("GET", "POST");
    }

    @Test
    void theMinimumLevelOfAssuranceIsAListDefaultingToAnyLevel() {
        ProviderConfigProperty minLevel = properties.get(DvcqgIdentityProviderConfig.CONF_MIN_LEVEL);
        assertThat(minLevel.getType()).isEqualTo(ProviderConfigProperty.LIST_TYPE);
        assertThat(minLevel.getOptions()).containsExactly("0", "1", "2", "3");
        assertThat(minLevel.getDefaultValue()).isEqualTo("0");
    }
}
