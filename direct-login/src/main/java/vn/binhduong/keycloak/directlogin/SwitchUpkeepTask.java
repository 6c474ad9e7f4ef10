package vn.binhduong.keycloak.directlogin;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Started by Keycloak's timer on every node. An expired switch is already closed for logins (its expiry is read on
 * every request); this task also records the closing, as an admin event like any other change, and moves a switch
 * still in realm attributes into the admin console's tab once the tab is deployed. Each run only reads the cached
 * realm; it writes only for such an expiry or move, and one node does it: the node that claims that setting of the
 * switch in the single-use object store ({@code putIfAbsent}, atomic cluster-wide, so a node whose cache has not
 * yet seen another's write does not write it again). Nothing is kept in this object between runs.
 */
final class SwitchUpkeepTask implements ScheduledTask {

    static final String NAME = "bd-direct-login-upkeep";
    static final long TICK_MILLIS = 5000;
    static final String EXPIRED_BY = "expiry";
    static final AdminMessage EXPIRED_REASON = AdminMessage.of("bdDirectLoginReasonExpired");
    /** Long past any cache propagation; a node that died before writing leaves the work to another after it. */
    private static final long CLAIM_SECONDS = 300;

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
        DirectLoginSwitch directLogin = new DirectLoginSwitch(session, realm);
        return expired(directLogin.read(), now) || directLogin.inRealmAttributesBesideTheTab();
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
                    upkeep(session, realm);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Direct-login switch upkeep of realm id %s failed", realmId);
        }
    }

    private static void upkeep(KeycloakSession session, RealmModel realm) {
        long now = Time.currentTime();
        DirectLoginSwitch directLogin = new DirectLoginSwitch(session, realm);
        DirectLoginState state = directLogin.read();
        if (expired(state, now)) {
            if (claimed(session, realm, "expiry", state)) {
                LOG.infof("Direct login in realm %s switched off: its expiry has passed", realm.getName());
                SwitchWriter.write(session, realm, new DirectLoginState(false, null,
                                AdminTexts.inRealmLanguage(session, realm, EXPIRED_REASON), EXPIRED_BY, now),
                        BackgroundAdminEvent.realmUpdate(session, realm, DirectLoginResourceProviderFactory.PROVIDER_ID), now);
            }
        } else if (directLogin.inRealmAttributesBesideTheTab() && claimed(session, realm, "move", state)) {
            directLogin.write(state);
        }
    }

    /** One claim per realm, kind of work and setting of the switch (known by when it was set). */
    private static boolean claimed(KeycloakSession session, RealmModel realm, String work, DirectLoginState state) {
        return session.singleUseObjects().putIfAbsent(NAME + ":" + work + ":" + realm.getId() + ":" + state.changedAt(),
                CLAIM_SECONDS);
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
