package vn.binhduong.keycloak.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.models.AuthenticatorConfigModel;

class ResetSettingsTest {

    private static ResetSettings with(Map<String, String> config) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(config);
        return new ResetSettings(model);
    }

    @Test
    void signingOutTheOtherSessionsIsOnUnlessSwitchedOff() {
        assertThat(new ResetSettings(null).signOutOtherSessions()).isTrue();
        assertThat(with(Map.of()).signOutOtherSessions()).isTrue();
        assertThat(with(Map.of(ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS, "false")).signOutOtherSessions()).isFalse();
        assertThat(with(Map.of(ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS, "true")).signOutOtherSessions()).isTrue();
    }

    @Test
    void anImpossibleValueStopsTheFlowInsteadOfGuessing() {
        assertThatThrownBy(() -> with(Map.of(ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS, "yes")).signOutOtherSessions())
                .isInstanceOf(AuthenticationFlowException.class);
    }
}
