package vn.binhduong.keycloak.otp.phone.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.userprofile.ValidationException;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;

class RegisterOtpPhoneSettingsTest {

    @Test
    void withoutConfigForeignNumbersAreRefusedAndNumbersAreUnique() {
        RegisterOtpPhoneSettings settings = new RegisterOtpPhoneSettings(Map.of());
        assertThat(settings.allowForeign()).isFalse();
        assertThat(settings.uniqueNumbers()).isTrue();
        assertThat(settings.policy()).isEqualTo(SmsOtpPolicy.DEFAULT);
    }

    @Test
    void configuredValuesAreRead() {
        RegisterOtpPhoneSettings settings = new RegisterOtpPhoneSettings(Map.of("bd.otpPhone.allowForeignNumbers", "true",
                "bd.otpPhone.uniqueNumbers", "false", "bd.smsCode.lifetime", "3", "bd.smsCode.ipHourlyCap", "100000"));
        assertThat(settings.allowForeign()).isTrue();
        assertThat(settings.uniqueNumbers()).isFalse();
        assertThat(settings.policy().lifetimeSeconds()).isEqualTo(3);
        assertThat(settings.policy().ipHourlyCap()).isEqualTo(100000);
    }

    @Test
    void anImpossibleValueStoredAnywayFailsTheAction() {
        assertThatThrownBy(() -> new RegisterOtpPhoneSettings(Map.of("bd.smsCode.lifetime", "0")).policy())
                .isInstanceOf(AuthenticationFlowException.class).hasMessageContaining("bd.smsCode.lifetime")
                .extracting(e -> ((AuthenticationFlowException) e).getError()).isEqualTo(AuthenticationFlowError.INTERNAL_ERROR);
        assertThatThrownBy(() -> new RegisterOtpPhoneSettings(Map.of("bd.otpPhone.uniqueNumbers", "yes")).uniqueNumbers())
                .isInstanceOf(AuthenticationFlowException.class).hasMessageContaining("bd.otpPhone.uniqueNumbers");
    }

    @Test
    void anImpossibleValueIsRefusedOnSaveNamingTheKey() {
        RegisterOtpPhoneActionFactory factory = new RegisterOtpPhoneActionFactory();
        factory.validateConfig(null, null, config(Map.of("bd.smsCode.lifetime", "3600", "bd.otpPhone.uniqueNumbers", "false")));
        for (Map.Entry<String, String> impossible : Map.of("bd.smsCode.lifetime", "3601", "bd.smsCode.maxAttempts", "x",
                "bd.smsCode.ipHourlyCap", "0", "bd.otpPhone.allowForeignNumbers", "yes").entrySet()) {
            assertThatThrownBy(() -> factory.validateConfig(null, null, config(Map.of(impossible.getKey(), impossible.getValue()))))
                    .as(impossible.getKey()).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).getErrors())
                            .anySatisfy(error -> assertThat(error.getAttribute()).isEqualTo(impossible.getKey())));
        }
    }

    private static RequiredActionConfigModel config(Map<String, String> values) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(new HashMap<>(values));
        return model;
    }
}
