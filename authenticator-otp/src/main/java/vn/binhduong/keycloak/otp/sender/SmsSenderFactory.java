package vn.binhduong.keycloak.otp.sender;

import java.time.Duration;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory of the {@code sms-sender} SPI. Every provider takes two common options:
 * {@code --spi-sms-sender--<id>--timeout-ms} (default 5000) and {@code --spi-sms-sender--<id>--secondary=<other id>},
 * the provider {@link SmsDelivery} fails over to.
 */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {

    String OPTION_SECONDARY = "secondary";
    String OPTION_TIMEOUT_MS = "timeout-ms";
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The provider to use when this one surely failed to hand a message over. */
    Optional<String> secondary();

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }

    /** The send timeout of a provider's config scope, bounded to 1 ms … 60 s. */
    static Duration timeout(Config.Scope config) {
        long millis = config.getLong(OPTION_TIMEOUT_MS, DEFAULT_TIMEOUT.toMillis());
        if (millis < 1 || millis > 60_000) {
            throw new IllegalArgumentException(OPTION_TIMEOUT_MS + " must be between 1 and 60000, was " + millis);
        }
        return Duration.ofMillis(millis);
    }

    static Optional<String> secondary(Config.Scope config) {
        return Optional.ofNullable(config.get(OPTION_SECONDARY)).map(String::trim).filter(s -> !s.isEmpty());
    }
}
