package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DvcqgProbeChangeTest {

    @Test
    void fieldsLeftOutKeepTheirValue() {
        DvcqgProbeSettings changed = new DvcqgProbeChange("AUTO", null, null, 2, null, null).applyTo(DvcqgProbeSettings.DEFAULT);

        assertThat(changed).isEqualTo(new DvcqgProbeSettings(ProbePolicy.AUTO, 60, 5000, 2, 3, "dvcqg"));
    }

    @Test
    void anUnknownPolicyIsRefusedInVietnamese() {
        assertThatThrownBy(() -> new DvcqgProbeChange("sometimes", null, null, null, null, null).applyTo(DvcqgProbeSettings.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"policy\" phải là");
    }

    @Test
    void numbersOutsideTheirBoundsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new DvcqgProbeChange(null, 0, null, null, null, null).applyTo(DvcqgProbeSettings.DEFAULT))
                .hasMessageContaining("\"intervalSeconds\" phải từ 1 đến 86400");
        assertThatThrownBy(() -> new DvcqgProbeChange(null, null, 50, null, null, null).applyTo(DvcqgProbeSettings.DEFAULT))
                .hasMessageContaining("\"timeoutMs\"");
        assertThatThrownBy(() -> new DvcqgProbeChange(null, null, null, 101, null, null).applyTo(DvcqgProbeSettings.DEFAULT))
                .hasMessageContaining("\"failuresToSwitchOn\"");
        assertThatThrownBy(() -> new DvcqgProbeChange(null, null, null, null, 0, null).applyTo(DvcqgProbeSettings.DEFAULT))
                .hasMessageContaining("\"successesToSwitchOff\"");
        assertThatThrownBy(() -> new DvcqgProbeChange(null, null, null, null, null, " ").applyTo(DvcqgProbeSettings.DEFAULT))
                .hasMessageContaining("\"identityProvider\"");
    }
}
