package vn.binhduong.keycloak.otp.settings;

import java.util.Locale;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The one way our flow steps and required actions read their stored config: a blank or missing value is the
 * default; an impossible one (refused on save where Keycloak lets us validate, but a realm import or the database
 * can still hold it) fails the flow with {@code INTERNAL_ERROR} and a log line naming the provider and the key,
 * never the value. No silent fallback: a typo must not quietly loosen a limit.
 */
public final class StepConfig {

    private static final Logger LOG = Logger.getLogger(StepConfig.class);

    private final String owner;
    private final Map<String, String> config;

    /** @param owner what holds the config, named in the log line ({@link #of}, or a required action's id) */
    public StepConfig(String owner, Map<String, String> config) {
        this.owner = owner;
        this.config = config == null ? Map.of() : config;
    }

    /** An execution's config, named in the log by its alias and the step's provider id. */
    public static StepConfig of(AuthenticatorConfigModel model, String providerId) {
        return model == null ? new StepConfig(providerId, null)
                : new StepConfig("authenticator config '" + model.getAlias() + "' (" + providerId + ")", model.getConfig());
    }

    public int integer(IntSetting setting) {
        String value = config.get(setting.key());
        if (value == null || value.isBlank()) {
            return setting.defaultValue();
        }
        Integer parsed = setting.parse(value);
        if (parsed == null) {
            throw impossible(setting.key());
        }
        return parsed;
    }

    /** {@code true} or {@code false} as the console stores them, any case. */
    public boolean bool(String key, boolean defaultValue) {
        String value = text(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw impossible(key);
        };
    }

    /** One of an enum's constant names, as the console's list stores it. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        String value = text(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw impossible(key);
        }
    }

    /** The trimmed value, or null when missing or blank. */
    public String text(String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private AuthenticationFlowException impossible(String key) {
        LOG.errorf("%s: impossible value for '%s'", owner, key);
        return new AuthenticationFlowException(owner + ": impossible value for " + key, AuthenticationFlowError.INTERNAL_ERROR);
    }
}
