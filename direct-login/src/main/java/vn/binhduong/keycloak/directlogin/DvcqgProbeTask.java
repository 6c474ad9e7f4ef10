package vn.binhduong.keycloak.directlogin;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

import vn.binhduong.keycloak.directlogin.DvcqgHealthMachine.SwitchAction;
import vn.binhduong.keycloak.directlogin.DvcqgHealthMachine.Step;

/**
 * The DVCQG health probe, started by Keycloak's timer on every node once a second. For each realm whose probe is
 * due (its interval since the last probe has passed, read from the shared realm attributes) it takes the
 * cluster-wide lock of that realm's probe ({@link ClusterProvider#executeIfNotExecuted}), so one node probes while
 * the others skip, then writes the new health, raises an admin event if the status changed and, under the
 * {@code auto} policy, turns direct login on or off. Nothing is kept in this object between runs.
 */
final class DvcqgProbeTask implements ScheduledTask {

    static final String NAME = "bd-dvcqg-health-probe";
    static final long TICK_MILLIS = 1000;
    static final String STATUS_RESOURCE_PATH = DirectLoginResourceProviderFactory.PROVIDER_ID + "/dvcqg-status";

    private static final Logger LOG = Logger.getLogger(DvcqgProbeTask.class);

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTime();
        session.realms().getRealmsStream().forEach(realm -> {
            DvcqgProbeSettings settings = DvcqgProbeSettings.read(realm);
            if (DvcqgHealth.read(realm).probeDue(now, settings.intervalSeconds())) {
                session.getContext().setRealm(realm);
                Map<String, String> endpoints = new DvcqgProbe(session).endpoints(settings.identityProvider());
                if (endpoints != null) {
                    submit(session, realm.getId(), settings, endpoints);
                }
            }
        });
    }

    /**
     * The probe waits on the network, so it runs on an executor of its own rather than on the timer's single thread
     * that Keycloak's other scheduled tasks share, in a transaction of its own.
     */
    private static void submit(KeycloakSession session, String realmId, DvcqgProbeSettings settings,
                               Map<String, String> endpoints) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        // Two endpoints, each bounded by the timeout: a lock held longer belongs to a node that died.
        int lockSeconds = 2 * settings.timeoutMs() / 1000 + 5;
        session.getProvider(ExecutorsProvider.class).getExecutor(NAME).execute(() -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, probeSession -> {
                    RealmModel realm = probeSession.realms().getRealm(realmId);
                    if (realm != null) {
                        probeSession.getContext().setRealm(realm);
                        probeSession.getProvider(ClusterProvider.class).executeIfNotExecuted(NAME + "::" + realmId,
                                lockSeconds, () -> probeAndRecord(probeSession, realm, settings, endpoints));
                    }
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "DVCQG health probe of realm id %s failed", realmId);
            }
        });
    }

    private static Void probeAndRecord(KeycloakSession session, RealmModel realm, DvcqgProbeSettings settings,
                                       Map<String, String> endpoints) {
        if (!DvcqgHealth.read(realm).probeDue(Time.currentTime(), settings.intervalSeconds())) {
            return null; // another node, or an earlier submission, probed while this one waited
        }
        ProbeResult result = new DvcqgProbe(session).probe(endpoints, settings.timeoutMs());
        long now = Time.currentTime();
        DirectLoginSwitch directLogin = new DirectLoginSwitch(realm);
        Step step = DvcqgHealthMachine.next(DvcqgHealth.read(realm), result, settings, directLogin.read(), now);
        step.health().write(realm);
        if (step.statusChanged()) {
            LOG.infof("DVCQG health in realm %s: %s%s", realm.getName(), step.health().status(),
                    result.reachable() ? "" : " (" + result.problem() + ")");
            BackgroundAdminEvent.realmUpdate(session, realm, STATUS_RESOURCE_PATH)
                    .representation(step.health().toView())
                    .detail("dvcqgStatus", step.health().status().name())
                    .detail("problem", result.problem())
                    .success();
        }
        if (step.action() != SwitchAction.NONE) {
            DirectLoginState state = new DirectLoginState(step.action() == SwitchAction.TURN_ON, null, step.reason(),
                    DvcqgHealthMachine.AUTO, now);
            LOG.warnf("Direct login in realm %s switched %s by the DVCQG probe", realm.getName(), state.enabled() ? "on" : "off");
            SwitchWriter.write(session, realm, state,
                    BackgroundAdminEvent.realmUpdate(session, realm, DirectLoginResourceProviderFactory.PROVIDER_ID), now);
        }
        return null;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
