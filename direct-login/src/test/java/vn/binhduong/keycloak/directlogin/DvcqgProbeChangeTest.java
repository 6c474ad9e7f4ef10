package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DvcqgProbeChangeTest {

    @Test
    void fieldsLeftOutKeepTheirValue() {
        DvcqgProbeSettings changed = new DvcqgProbeChange("AUTO", null, null, 2, null, null).applyTo(DvcqgProbeSettings.DEFAULT);

        assertThat(changed).isEqualTo(new DvcqgProbeSettings(ProbePolicy.AUTO, 60, 5000, 2, 3, "dvcqg"));
    }

    @Test
    void anUnknownPolicyIsRefusedInVietnamese() {
        assertThat(Refusals.vietnamese(() -> new DvcqgProbeChange("sometimes", null, null, null, null, null).applyTo(DvcqgProbeSettings.DEFAULT)))
                .contains("\"policy\" phải là");
    }

    @Test
    void numbersOutsideTheirBoundsAreRefusedNamingTheField() {
        assertThat(Refusals.vietnamese(() -> new DvcqgProbeChange(null, 0, null, null, null, null).applyTo(DvcqgProbeSettings.DEFAULT)))
                .contains("\"intervalSeconds\" phải từ 1 đến 86400");
        assertThat(Refusals.vietnamese(() -> new DvcqgProbeChange(null, null, 50, null, null, null).applyTo(DvcqgProbeSettings.DEFAULT)))
                .contains("\"timeoutMs\"");
        assertThat(Refusals.vietnamese(() -> new DvcqgProbeChange(null, null, null, 101, null, null).applyTo(DvcqgProbeSettings.DEFAULT)))
                .contains("\"failuresToSwitchOn\"");
        assertThat(Refusals.vietnamese(() -> new DvcqgProbeChange(null, null, null, null, 0, null).applyTo(DvcqgProbeSettings.DEFAULT)))
                .contains("\"successesToSwitchOff\"");
        assertThat(Refusals.vietnamese(() -> new DvcqgProbeChange(null, null, null, null, null, " ").applyTo(DvcqgProbeSettings.DEFAULT)))
                .contains("\"identityProvider\"");
    }
}
