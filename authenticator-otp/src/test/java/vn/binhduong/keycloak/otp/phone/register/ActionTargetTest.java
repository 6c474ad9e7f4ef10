package vn.binhduong.keycloak.otp.phone.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.binhduong.keycloak.otp.phone.register.ActionTarget.Mode;

class ActionTargetTest {

    @Test
    void noParameterAddsAPhone() {
        assertThat(ActionTarget.parse(null)).isEqualTo(ActionTarget.ADD);
        assertThat(ActionTarget.parse("")).isEqualTo(ActionTarget.ADD);
    }

    @Test
    void updateReceiverAndDeleteNameTheCredential() {
        assertThat(ActionTarget.parse("update.5b1f-22")).isEqualTo(new ActionTarget(Mode.UPDATE, "5b1f-22"));
        assertThat(ActionTarget.parse("receiver.5b1f-22")).isEqualTo(new ActionTarget(Mode.RECEIVER, "5b1f-22"));
        assertThat(ActionTarget.parse("delete.5b1f-22")).isEqualTo(new ActionTarget(Mode.DELETE, "5b1f-22"));
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(ActionTarget.parse("update.").mode()).isEqualTo(Mode.UNKNOWN);
        assertThat(ActionTarget.parse("delete.").mode()).isEqualTo(Mode.UNKNOWN);
        assertThat(ActionTarget.parse("remove.5b1f").mode()).isEqualTo(Mode.UNKNOWN);
    }
}
