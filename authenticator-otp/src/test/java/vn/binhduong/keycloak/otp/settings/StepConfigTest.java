package vn.binhduong.keycloak.otp.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;

class StepConfigTest {

    private static final IntSetting LIFETIME = new IntSetting("bd.smsCode.lifetime", 120, 1, 3600);

    private enum Choice { REFUSE, REGISTER_PHONE }

    @Test
    void blankOrMissingIsTheDefaultAndTheBoundsAreInclusive() {
        assertThat(new StepConfig("test", null).integer(LIFETIME)).isEqualTo(120);
        assertThat(new StepConfig("test", Map.of(LIFETIME.key(), " ")).integer(LIFETIME)).isEqualTo(120);
        assertThat(new StepConfig("test", Map.of(LIFETIME.key(), " 3600 ")).integer(LIFETIME)).isEqualTo(3600);
        assertThat(new StepConfig("test", Map.of("k", "TRUE")).bool("k", false)).isTrue();
        assertThat(new StepConfig("test", Map.of()).choice("k", Choice.class, Choice.REFUSE)).isEqualTo(Choice.REFUSE);
        assertThat(LIFETIME.allows("")).isTrue();
        assertThat(LIFETIME.allows("1")).isTrue();
        assertThat(LIFETIME.allows("0")).isFalse();
    }

    @Test
    void anImpossibleValueFailsTheFlowNamingOwnerAndKeyButNotTheValue() {
        for (Map<String, String> config : new Map[] {Map.of(LIFETIME.key(), "3601"), Map.of(LIFETIME.key(), "2m")}) {
            assertThatThrownBy(() -> new StepConfig("authenticator config 'x'", config).integer(LIFETIME))
                    .isInstanceOf(AuthenticationFlowException.class)
                    .hasMessageContaining("authenticator config 'x'").hasMessageContaining(LIFETIME.key())
                    .hasMessageNotContaining(config.get(LIFETIME.key()))
                    .extracting(e -> ((AuthenticationFlowException) e).getError()).isEqualTo(AuthenticationFlowError.INTERNAL_ERROR);
        }
        assertThatThrownBy(() -> new StepConfig("o", Map.of("k", "yes")).bool("k", true)).hasMessageContaining("k");
        assertThatThrownBy(() -> new StepConfig("o", Map.of("k", "refuse")).choice("k", Choice.class, Choice.REFUSE))
                .hasMessageContaining("k");
    }
}
