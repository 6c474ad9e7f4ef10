package vn.binhduong.keycloak.reset;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.models.AuthenticatorConfigModel;

import static vn.binhduong.keycloak.reset.ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS;

/** Reads the password step's config with its default; an impossible value stops the flow and names the key. */
final class ResetSettings {

    private static final Logger LOG = Logger.getLogger(ResetSettings.class);

    private final Map<String, String> config;

    ResetSettings(AuthenticatorConfigModel model) {
        this.config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    boolean signOutOtherSessions() {
        String value = config.get(CONF_SIGN_OUT_OTHER_SESSIONS);
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                LOG.errorf("%s execution config: impossible value for '%s'", ResetNewPasswordAuthenticatorFactory.PROVIDER_ID,
                        CONF_SIGN_OUT_OTHER_SESSIONS);
                throw new AuthenticationFlowException(CONF_SIGN_OUT_OTHER_SESSIONS, AuthenticationFlowError.INTERNAL_ERROR);
            }
        };
    }
}
