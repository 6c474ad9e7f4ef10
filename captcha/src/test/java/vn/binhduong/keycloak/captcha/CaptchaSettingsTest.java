package vn.binhduong.keycloak.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CaptchaSettingsTest {

    @Test
    void isOnUnlessExplicitlyFalse() {
        assertThat(CaptchaSettings.from(Map.of()).enabled()).isTrue();
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.ENABLED, "ture")).enabled()).isTrue();
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.ENABLED, " FALSE ")).enabled()).isFalse();
    }

    @Test
    void unknownProviderFallsBackToRecaptcha() {
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.PROVIDER, "recapcha")).provider())
                .isEqualTo(CaptchaProvider.RECAPTCHA);
        assertThat(CaptchaSettings.from(Map.of(CaptchaSettings.PROVIDER, "Turnstile")).provider())
                .isEqualTo(CaptchaProvider.TURNSTILE);
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
