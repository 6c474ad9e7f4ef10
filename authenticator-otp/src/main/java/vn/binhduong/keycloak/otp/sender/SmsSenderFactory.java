package vn.binhduong.keycloak.otp.sender;

import java.time.Duration;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory of the {@code sms-sender} SPI. The primary is chosen with {@code --spi-sms-sender--provider-default}
 * (all providers loaded, so failover works) or {@code --spi-sms-sender--provider} (that provider alone). Every provider takes two common options:
 * {@code --spi-sms-sender--<id>--timeout-ms} (default 5000) and {@code --spi-sms-sender--<id>--secondary=<other id>},
 * the provider {@link SmsDelivery} fails over to.
 */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {

    String OPTION_SECONDARY = "secondary";
    String OPTION_TIMEOUT_MS = "timeout-ms";
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The provider to use when this one surely failed to hand a message over. */
    Optional<String> secondary();

    /** A secondary that is not loaded stops the boot rather than the first failover. */
    @Override
    default void postInit(KeycloakSessionFactory factory) {
        secondary().ifPresent(id -> {
            if (factory.getProviderFactory(SmsSender.class, id) == null) {
                throw new IllegalStateException("sms-sender '" + getId() + "' names secondary '" + id + "', which is not "
                        + "loaded; choose the primary with --spi-sms-sender--provider-default (--spi-sms-sender--provider "
                        + "loads that provider alone)");
            }
        });
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
