package vn.binhduong.keycloak.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;

class CaptchaSettingsTest {

    @Test
    void isOnUnlessExplicitlyFalse() {
        assertThat(CaptchaSettings.from(Map.of()).enabled()).isTrue();
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.ENABLED, " ")).enabled()).isTrue();
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.ENABLED, " FALSE ")).enabled()).isFalse();
    }

    @Test
    void theProviderIsRecaptchaUnlessNamed() {
        assertThat(CaptchaSettings.from(Map.of()).provider()).isEqualTo(CaptchaProvider.RECAPTCHA);
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.PROVIDER, "Turnstile")).provider())
                .isEqualTo(CaptchaProvider.TURNSTILE);
    }

    @Test
    void anImpossibleValueFailsTheFlowNamingTheAttribute() {
        for (Map<String, String> typo : List.of(Map.of(CaptchaSettings.ENABLED, "ture"), Map.of(CaptchaSettings.PROVIDER, "recapcha"))) {
            assertThatThrownBy(() -> CaptchaSettings.from(typo)).as(typo.toString())
                    .isInstanceOf(AuthenticationFlowException.class).hasMessageContaining(typo.keySet().iterator().next())
                    .extracting(e -> ((AuthenticationFlowException) e).getError()).isEqualTo(AuthenticationFlowError.INTERNAL_ERROR);
        }
    }

    @Test
    void verifyUrlIsTheProvidersUnlessOverridden() {
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.PROVIDER, "hcaptcha")).verifyUrl())
                .isEqualTo("https://api.hcaptcha.com/siteverify");
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.VERIFY_URL, " http://127.0.0.1:9/siteverify ")).verifyUrl())
                .isEqualTo("http://127.0.0.1:9/siteverify");
    }

    @Test
    void needsBothSiteKeyAndSecret() {
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.SITE_KEY, "k")).configured()).isFalse();
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.SITE_KEY, "k", CaptchaSettings.SECRET, "s")).configured())
                .isTrue();
    }

    @Test
    void scriptAsksForThePageLanguageWhereTheServiceTakesIt() {
        assertThat(CaptchaProvider.RECAPTCHA.scriptUrl(Locale.forLanguageTag("vi")))
                .isEqualTo("https://www.google.com/recaptcha/api.js?hl=vi");
        assertThat(CaptchaProvider.TURNSTILE.scriptUrl(Locale.forLanguageTag("vi")))
                .isEqualTo("https://challenges.cloudflare.com/turnstile/v0/api.js");
    }
}
