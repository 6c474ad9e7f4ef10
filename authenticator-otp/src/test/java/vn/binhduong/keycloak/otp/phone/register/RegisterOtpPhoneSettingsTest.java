package vn.binhduong.keycloak.otp.phone.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;

class RegisterOtpPhoneSettingsTest {

    @Test
    void withoutConfigForeignNumbersAreRefusedAndNumbersAreUnique() {
        RegisterOtpPhoneSettings settings = new RegisterOtpPhoneSettings(Map.of());
        assertThat(settings.allowForeign()).isFalse();
        assertThat(settings.uniqueNumbers()).isTrue();
        assertThat(settings.policy()).isEqualTo(SmsOtpPolicy.DEFAULT);
        assertThat(settings.firstImpossibleKey()).isNull();
    }

    @Test
    void configuredValuesAreRead() {
        RegisterOtpPhoneSettings settings = new RegisterOtpPhoneSettings(Map.of("allowForeignNumbers", "true",
                "uniqueNumbers", "false", "lifetime", "3", "ipHourlyCap", "100000"));
        assertThat(settings.allowForeign()).isTrue();
        assertThat(settings.uniqueNumbers()).isFalse();
        assertThat(settings.policy().lifetimeSeconds()).isEqualTo(3);
        assertThat(settings.policy().ipHourlyCap()).isEqualTo(100000);
    }

    @Test
    void anImpossibleValueIsNamedAndFallsBackToTheDefault() {
        RegisterOtpPhoneSettings settings = new RegisterOtpPhoneSettings(Map.of("lifetime", "0", "maxAttempts", "x"));
        assertThat(settings.firstImpossibleKey()).isIn("lifetime", "maxAttempts");
        assertThat(settings.policy().lifetimeSeconds()).isEqualTo(SmsOtpPolicy.DEFAULT.lifetimeSeconds());
        assertThat(settings.policy().maxAttempts()).isEqualTo(SmsOtpPolicy.DEFAULT.maxAttempts());
    }
}
