package vn.binhduong.keycloak.reset;

import org.keycloak.models.AuthenticatorConfigModel;

import vn.binhduong.keycloak.otp.settings.StepConfig;

import static vn.binhduong.keycloak.reset.ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS;

/** Reads the password step's config with its default; an impossible value fails the flow ({@link StepConfig}). */
final class ResetSettings {

    private final StepConfig config;

    ResetSettings(AuthenticatorConfigModel model) {
        this.config = StepConfig.of(model, ResetNewPasswordAuthenticatorFactory.PROVIDER_ID);
    }

    boolean signOutOtherSessions() {
        return config.bool(CONF_SIGN_OUT_OTHER_SESSIONS, true);
    }
}
