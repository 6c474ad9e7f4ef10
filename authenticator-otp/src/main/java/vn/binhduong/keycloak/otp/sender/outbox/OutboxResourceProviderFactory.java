package vn.binhduong.keycloak.otp.sender.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import vn.binhduong.keycloak.otp.sender.SmsSender;

/**
 * The outbox's reading endpoint, {@code /realms/<realm>/bd-sms-outbox}, served only when asked for
 * ({@code --spi-sms-sender--outbox--page=true}) where the outbox may run (dev mode, or production mode with
 * {@code --spi-sms-sender--outbox--force-in-production=true}); 404 otherwise. It has no login of its own and the
 * messages hold second-factor codes, so it is off by default, also in the local system, and must never be
 * reachable on a system that real users log in to.
 */
public class OutboxResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "bd-sms-outbox";

    private final ObjectMapper json = new ObjectMapper();
    private OutboxMessages messages;

    @Override
    public void init(Config.Scope config) {
    }

    /** The outbox factory is read once every factory is initialised. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(SmsSender.class, OutboxSmsSenderFactory.PROVIDER_ID) instanceof OutboxSmsSenderFactory outbox
                && outbox.pageServed()) {
            messages = new OutboxMessages(outbox.dir(), json);
        }
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        OutboxResource resource = messages == null ? null : new OutboxResource(messages);
        return new RealmResourceProvider() {
            /** null: Keycloak answers 404. */
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
