package vn.binhduong.keycloak.directlogin;

import io.micrometer.core.instrument.Metrics;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

/** The direct-login admin endpoint, an extension of Keycloak's admin REST API (see {@link DirectLoginResource}). */
public class DirectLoginResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "bd-direct-login";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new DirectLoginResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    /**
     * Starts the DVCQG health probe, the switch's upkeep and the gauges' refresh once the server has migrated and
     * imported its realms. Keycloak's timer stops with the server; the probe and upkeep tasks hold no state, the
     * gauges only what they last showed.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    TimerProvider timer = session.getProvider(TimerProvider.class);
                    timer.scheduleTask(new DvcqgProbeTask(), DvcqgProbeTask.TICK_MILLIS, DvcqgProbeTask.NAME);
                    timer.scheduleTask(new SwitchUpkeepTask(), SwitchUpkeepTask.TICK_MILLIS, SwitchUpkeepTask.NAME);
                    timer.scheduleTask(new GaugeRefreshTask(new DirectLoginGauges(Metrics.globalRegistry)),
                            GaugeRefreshTask.TICK_MILLIS, GaugeRefreshTask.NAME);
                });
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
