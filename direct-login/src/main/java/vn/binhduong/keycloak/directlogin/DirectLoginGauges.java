package vn.binhduong.keycloak.directlogin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Per-realm gauges of the switch and of DVCQG's health, for Prometheus alerts (DVCQG down, direct login left on):
 * {@code bd_direct_login_open{realm}} (1 open, 0 closed or expired), {@code bd_direct_login_changed_timestamp_seconds{realm}}
 * (when the switch was last set), and {@code bd_dvcqg_status{realm,status}} (1 for the current one of
 * {@code up}, {@code down}, {@code unknown}; only realms with the probe's identity provider). Every node reports the
 * same values, read from the realm and the shared health; a realm that is gone loses its rows at the next refresh.
 */
final class DirectLoginGauges {

    static final String SWITCH_OPEN = "bd.direct.login.open";
    static final String SWITCH_CHANGED = "bd.direct.login.changed.timestamp";
    static final String DVCQG_STATUS = "bd.dvcqg.status";

    /** What the gauges show of one realm; {@code dvcqg} is null where the realm has no DVCQG to probe. */
    record Reading(String realm, DirectLoginState state, DvcqgHealth.Status dvcqg) {
    }

    private final MultiGauge switchOpen;
    private final MultiGauge switchChanged;
    private final MultiGauge dvcqgStatus;

    DirectLoginGauges(MeterRegistry registry) {
        switchOpen = MultiGauge.builder(SWITCH_OPEN).description("Direct login open (1) or not (0)").register(registry);
        switchChanged = MultiGauge.builder(SWITCH_CHANGED).baseUnit("seconds")
                .description("When the direct-login switch was last set (epoch seconds)").register(registry);
        dvcqgStatus = MultiGauge.builder(DVCQG_STATUS).description("DVCQG health as the probe last saw it (1 current)")
                .register(registry);
    }

    /** Replaces every row with these readings, taken at {@code now} (epoch seconds). */
    void record(List<Reading> readings, long now) {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> changed = new ArrayList<>();
        List<MultiGauge.Row<?>> status = new ArrayList<>();
        for (Reading reading : readings) {
            Tags realm = Tags.of("realm", reading.realm());
            open.add(MultiGauge.Row.of(realm, reading.state().isOpen(now) ? 1 : 0));
            if (reading.state().changedAt() != null) {
                changed.add(MultiGauge.Row.of(realm, reading.state().changedAt()));
            }
            if (reading.dvcqg() != null) {
                for (DvcqgHealth.Status each : DvcqgHealth.Status.values()) {
                    status.add(MultiGauge.Row.of(realm.and("status", each.name().toLowerCase(Locale.ROOT)),
                            each == reading.dvcqg() ? 1 : 0));
                }
            }
        }
        // Overwrite: a row's value is fixed when it is registered, so each refresh registers it anew.
        switchOpen.register(open, true);
        switchChanged.register(changed, true);
        dvcqgStatus.register(status, true);
    }
}
