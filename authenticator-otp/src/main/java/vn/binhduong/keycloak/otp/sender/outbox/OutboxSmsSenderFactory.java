package vn.binhduong.keycloak.otp.sender.outbox;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.binhduong.keycloak.otp.sender.SmsSender;
import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/**
 * {@code --spi-sms-sender--provider-default=outbox}: messages go to a file, for the local system and tests. With
 * {@code --spi-sms-sender--outbox--page=true} a developer also reads them at {@code /realms/<realm>/bd-sms-outbox}
 * ({@link OutboxResourceProviderFactory}); off by default, since that page has no login and holds second-factor
 * codes. In production mode ({@code kc.sh start}) the server refuses to boot when the outbox is the provider or a
 * secondary, and the page is not served, unless {@code --spi-sms-sender--outbox--force-in-production=true}.
 */
public class OutboxSmsSenderFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "outbox";

    private Path dir;
    private boolean allowed;
    private boolean page;
    private Optional<String> secondary = Optional.empty();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("dir");
        dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("kc.home.dir", "."), "data", "sms-outbox");
        allowed = Environment.isDevMode() || config.getBoolean("force-in-production", false);
        page = config.getBoolean("page", false);
        secondary = SmsSenderFactory.secondary(config);
    }

    /** Checked after every sms-sender factory is initialised, so that their secondaries are known. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        SmsSenderFactory.super.postInit(factory);
        if (allowed) {
            return;
        }
        boolean primary = factory.getProviderFactory(SmsSender.class) == this;
        boolean aSecondary = factory.getProviderFactoriesStream(SmsSender.class)
                .anyMatch(f -> f instanceof SmsSenderFactory s && s.secondary().filter(PROVIDER_ID::equals).isPresent());
        if (primary || aSecondary) {
            throw new IllegalStateException("sms-sender 'outbox' is for development only and Keycloak runs in production "
                    + "mode; choose another provider or set --spi-sms-sender--outbox--force-in-production=true");
        }
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        if (!allowed) {
            throw new IllegalStateException("sms-sender 'outbox' is disabled in production mode");
        }
        return new OutboxSmsSender(dir, json);
    }

    /** Where the messages go, {@code <dir>/outbox.jsonl}. */
    Path dir() {
        return dir;
    }

    /** Dev mode, or production mode with the explicit force option: the outbox may be used. */
    boolean allowed() {
        return allowed;
    }

    /** Where the outbox may be used and its page was asked for: the page is served. */
    boolean pageServed() {
        return allowed && page;
    }

    @Override
    public Optional<String> secondary() {
        return secondary;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
