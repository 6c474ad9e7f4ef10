package vn.binhduong.keycloak.captcha;

import java.util.Map;

/**
 * The realm's captcha settings, kept in realm attributes so that the realm export carries them and every node
 * reads the same: {@value #ENABLED} (on unless {@code false}), {@value #PROVIDER}, {@value #SITE_KEY},
 * {@value #SECRET} (may be a vault reference) and {@value #VERIFY_URL} (empty: the provider's own).
 */
public record CaptchaSettings(boolean enabled, CaptchaProvider provider, String siteKey, String secret, String verifyUrl) {

    public static final String ENABLED = "bd.captcha.enabled";
    public static final String PROVIDER = "bd.captcha.provider";
    public static final String SITE_KEY = "bd.captcha.siteKey";
    public static final String SECRET = "bd.captcha.secret";
    public static final String VERIFY_URL = "bd.captcha.verifyUrl";

    /**
     * Reads the settings. Captcha stays on when the flag is missing or mistyped, and an unknown provider name
     * falls back to reCAPTCHA, the one the seeds show: a typo must not switch the protection off.
     */
    public static CaptchaSettings from(Map<String, String> realmAttributes) {
        boolean enabled = !"false".equalsIgnoreCase(trimmed(realmAttributes.get(ENABLED)));
        CaptchaProvider provider = CaptchaProvider.named(realmAttributes.get(PROVIDER)).orElse(CaptchaProvider.RECAPTCHA);
        String verifyUrl = trimmed(realmAttributes.get(VERIFY_URL));
        return new CaptchaSettings(enabled, provider, trimmed(realmAttributes.get(SITE_KEY)),
                trimmed(realmAttributes.get(SECRET)), verifyUrl.isEmpty() ? provider.defaultVerifyUrl() : verifyUrl);
    }

    /** Whether a form can be verified at all: on, with a site key and a secret. */
    public boolean configured() {
        return !siteKey.isEmpty() && !secret.isEmpty();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
