package vn.binhduong.keycloak.directlogin;

import java.util.Map;

import org.jboss.logging.Logger;
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
 * due (its interval since the last probe has passed, read from the shared {@link DvcqgHealth}) it claims that
 * interval's probe slot in the single-use object store ({@code putIfAbsent}, atomic cluster-wide), so exactly one
 * node probes per interval while the others skip, then stores the new health (not in the realm), raises an admin
 * event if the status changed and, under the {@code auto} policy, turns direct login on or off: the realm is
 * written only for such a switch. Nothing is kept in this object between runs.
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
            if (DvcqgHealth.read(session, realm).probeDue(now, settings.intervalSeconds())) {
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
        session.getProvider(ExecutorsProvider.class).getExecutor(NAME).execute(() -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, probeSession -> {
                    RealmModel realm = probeSession.realms().getRealm(realmId);
                    if (realm != null && claimedThisInterval(probeSession, realm, settings)) {
                        probeSession.getContext().setRealm(realm);
                        probeAndRecord(probeSession, realm, settings, endpoints);
                    }
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "DVCQG health probe of realm id %s failed", realmId);
            }
        });
    }

    /**
     * One slot per realm and interval window ({@code epochSecond / interval}): a probe is due only in a later window
     * than the last one, and only the node whose {@code putIfAbsent} wins probes in it.
     */
    private static boolean claimedThisInterval(KeycloakSession session, RealmModel realm, DvcqgProbeSettings settings) {
        long now = Time.currentTime();
        if (!DvcqgHealth.read(session, realm).probeDue(now, settings.intervalSeconds())) {
            return false; // another node, or an earlier submission, probed meanwhile
        }
        String slot = NAME + ":" + realm.getId() + ":" + now / settings.intervalSeconds();
        return session.singleUseObjects().putIfAbsent(slot, settings.intervalSeconds() + 60L);
    }

    private static void probeAndRecord(KeycloakSession session, RealmModel realm, DvcqgProbeSettings settings,
                                       Map<String, String> endpoints) {
        ProbeResult result = new DvcqgProbe(session).probe(endpoints, settings.timeoutMs());
        long now = Time.currentTime();
        DirectLoginSwitch directLogin = new DirectLoginSwitch(session, realm);
        Step step = DvcqgHealthMachine.next(DvcqgHealth.read(session, realm), result, settings, directLogin.read(), now);
        step.health().write(session, realm);
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
            DirectLoginState state = new DirectLoginState(step.action() == SwitchAction.TURN_ON, null,
                    AdminTexts.inRealmLanguage(session, realm, step.reason()),
                    DvcqgHealthMachine.AUTO, now);
            LOG.warnf("Direct login in realm %s switched %s by the DVCQG probe", realm.getName(), state.enabled() ? "on" : "off");
            SwitchWriter.write(session, realm, state,
                    BackgroundAdminEvent.realmUpdate(session, realm, DirectLoginResourceProviderFactory.PROVIDER_ID), now);
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
