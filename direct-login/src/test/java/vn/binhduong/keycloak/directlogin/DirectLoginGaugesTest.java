package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

class DirectLoginGaugesTest {

    private static final long NOW = 1_800_000_000L;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DirectLoginGauges gauges = new DirectLoginGauges(registry);

    private static DirectLoginState on(Long expiresAt, long changedAt) {
        return new DirectLoginState(true, expiresAt, "DVCQG down", "admin", changedAt);
    }

    private static final DirectLoginState OFF = new DirectLoginState(false, null, null, null, null);

    private Double value(String name, String... tags) {
        Gauge gauge = registry.find(name).tags(tags).gauge();
        return gauge == null ? null : gauge.value();
    }

    @Test
    void anOpenSwitchShowsOneAndWhenItWasSet() {
        gauges.record(List.of(new DirectLoginGauges.Reading("binhduong", on(NOW + 3600, NOW - 7200), DvcqgHealth.Status.DOWN)), NOW);

        assertThat(value(DirectLoginGauges.SWITCH_OPEN, "realm", "binhduong")).isEqualTo(1.0);
        assertThat(value(DirectLoginGauges.SWITCH_CHANGED, "realm", "binhduong")).isEqualTo((double) (NOW - 7200));
    }

    @Test
    void anExpiredSwitchShowsZero() {
        gauges.record(List.of(new DirectLoginGauges.Reading("binhduong", on(NOW - 1, NOW - 7200), null)), NOW);

        assertThat(value(DirectLoginGauges.SWITCH_OPEN, "realm", "binhduong")).isZero();
    }

    @Test
    void theDvcqgStatusIsOneForTheCurrentStatusOnly() {
        gauges.record(List.of(new DirectLoginGauges.Reading("binhduong", OFF, DvcqgHealth.Status.DOWN)), NOW);

        assertThat(value(DirectLoginGauges.DVCQG_STATUS, "realm", "binhduong", "status", "down")).isEqualTo(1.0);
        assertThat(value(DirectLoginGauges.DVCQG_STATUS, "realm", "binhduong", "status", "up")).isZero();
        assertThat(value(DirectLoginGauges.DVCQG_STATUS, "realm", "binhduong", "status", "unknown")).isZero();
        assertThat(value(DirectLoginGauges.SWITCH_CHANGED, "realm", "binhduong")).as("never set").isNull();
    }

    @Test
    void aRefreshShowsTheNewValuesAndDropsARealmThatIsGone() {
        gauges.record(List.of(new DirectLoginGauges.Reading("binhduong", OFF, DvcqgHealth.Status.UP),
                new DirectLoginGauges.Reading("old", OFF, DvcqgHealth.Status.UP)), NOW);

        gauges.record(List.of(new DirectLoginGauges.Reading("binhduong", on(null, NOW), DvcqgHealth.Status.DOWN)), NOW + 10);

        assertThat(value(DirectLoginGauges.SWITCH_OPEN, "realm", "binhduong")).isEqualTo(1.0);
        assertThat(value(DirectLoginGauges.DVCQG_STATUS, "realm", "binhduong", "status", "down")).isEqualTo(1.0);
        assertThat(value(DirectLoginGauges.DVCQG_STATUS, "realm", "binhduong", "status", "up")).isZero();
        assertThat(registry.find(DirectLoginGauges.SWITCH_OPEN).tags("realm", "old").gauge()).isNull();
        assertThat(registry.find(DirectLoginGauges.DVCQG_STATUS).tags("realm", "old").gauges()).isEmpty();
    }

    @Test
    void aRealmWithoutDvcqgHasNoStatusRows() {
        gauges.record(List.of(new DirectLoginGauges.Reading("master", OFF, null)), NOW);

        assertThat(registry.find(DirectLoginGauges.DVCQG_STATUS).gauges()).isEmpty();
        assertThat(value(DirectLoginGauges.SWITCH_OPEN, "realm", "master")).isZero();
    }
}
