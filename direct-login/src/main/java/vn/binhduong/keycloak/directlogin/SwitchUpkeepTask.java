package vn.binhduong.keycloak.directlogin;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Started by Keycloak's timer on every node. An expired switch is already closed for logins (its expiry is read on
 * every request); this task also records the closing, as an admin event like any other change, and keeps the admin
 * console's tab showing the switch (after an expiry, or when the tab is missing). One node does it, under the
 * realm's cluster-wide lock, in a transaction of its own per realm; nothing is kept in this object between runs.
 */
final class SwitchUpkeepTask implements ScheduledTask {

    static final String NAME = "bd-direct-login-upkeep";
    static final long TICK_MILLIS = 5000;
    static final String EXPIRED_BY = "expiry";
    static final String EXPIRED_REASON = "Hết thời hạn / expired";

    private static final Logger LOG = Logger.getLogger(SwitchUpkeepTask.class);

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTime();
        session.realms().getRealmsStream()
                .filter(realm -> needsUpkeep(session, realm, now))
                .map(RealmModel::getId)
                .toList()
                .forEach(realmId -> upkeep(session.getKeycloakSessionFactory(), realmId));
    }

    private static boolean needsUpkeep(KeycloakSession session, RealmModel realm, long now) {
        DirectLoginState state = new DirectLoginSwitch(realm).read();
        return expired(state, now) || DirectLoginConsoleTab.stale(session, realm, state);
    }

    private static boolean expired(DirectLoginState state, long now) {
        return state.enabled() && !state.isOpen(now);
    }

    private static void upkeep(KeycloakSessionFactory factory, String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm != null) {
                    session.getContext().setRealm(realm);
                    session.getProvider(ClusterProvider.class).executeIfNotExecuted(NAME + "::" + realmId, 30,
                            () -> upkeep(session, realm));
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Direct-login switch upkeep of realm id %s failed", realmId);
        }
    }

    /** Read again under the lock: another node may have done it meanwhile. */
    private static Void upkeep(KeycloakSession session, RealmModel realm) {
        long now = Time.currentTime();
        DirectLoginState state = new DirectLoginSwitch(realm).read();
        if (expired(state, now)) {
            LOG.infof("Direct login in realm %s switched off: its expiry has passed", realm.getName());
            SwitchWriter.write(session, realm, new DirectLoginState(false, null, EXPIRED_REASON, EXPIRED_BY, now),
                    BackgroundAdminEvent.realmUpdate(session, realm, DirectLoginResourceProviderFactory.PROVIDER_ID), now);
        } else {
            DirectLoginConsoleTab.show(session, realm, state);
        }
        return null;
    }
}
