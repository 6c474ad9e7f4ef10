package vn.binhduong.keycloak.directlogin;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * Started by Keycloak's timer on every node: reads each realm's switch and DVCQG health (realm attributes and the
 * shared single-use store, no network) into {@link DirectLoginGauges}, more often than Prometheus scrapes.
 */
final class GaugeRefreshTask implements ScheduledTask {

    static final String NAME = "bd-direct-login-gauges";
    static final long TICK_MILLIS = 10_000;

    private final DirectLoginGauges gauges;

    GaugeRefreshTask(DirectLoginGauges gauges) {
        this.gauges = gauges;
    }

    @Override
    public void run(KeycloakSession session) {
        gauges.record(session.realms().getRealmsStream().map(realm -> {
            session.getContext().setRealm(realm);
            boolean probed = session.identityProviders()
                    .getByAlias(DvcqgProbeSettings.read(realm).identityProvider()) != null;
            return new DirectLoginGauges.Reading(realm.getName(), new DirectLoginSwitch(session, realm).read(),
                    probed ? DvcqgHealth.read(session, realm).status() : null);
        }).toList(), Time.currentTime());
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
