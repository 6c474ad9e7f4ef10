package vn.binhduong.keycloak.otp.sender.outbox;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.EnvironmentDependentProviderFactory;

import vn.binhduong.keycloak.otp.sender.SmsSender;
import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/**
 * {@code --spi-sms-sender--provider=outbox}: messages go to a file, for the local system and tests. The provider
 * does not exist when Keycloak runs in production mode ({@code kc.sh start}), so choosing it there stops the
 * boot, unless {@code --spi-sms-sender--outbox--force-in-production=true}.
 */
public class OutboxSmsSenderFactory implements SmsSenderFactory, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "outbox";

    private Path dir;
    private Optional<String> secondary = Optional.empty();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public boolean isSupported(Config.Scope config) {
        return Environment.isDevMode() || config.getBoolean("force-in-production", false);
    }

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("dir");
        dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("kc.home.dir", "."), "data", "sms-outbox");
        secondary = SmsSenderFactory.secondary(config);
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        return new OutboxSmsSender(dir, json);
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
