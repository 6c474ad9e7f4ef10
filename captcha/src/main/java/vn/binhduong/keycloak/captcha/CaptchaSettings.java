package vn.binhduong.keycloak.captcha;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;

/**
 * The realm's captcha settings, kept in realm attributes so that the realm export carries them and every node
 * reads the same: {@value #ENABLED} (on unless {@code false}), {@value #PROVIDER}, {@value #SITE_KEY},
 * {@value #SECRET} (may be a vault reference) and {@value #VERIFY_URL} (empty: the provider's own).
 */
public record CaptchaSettings(boolean enabled, CaptchaProvider provider, String siteKey, String secret, String verifyUrl) {

    private static final Logger LOG = Logger.getLogger(CaptchaSettings.class);

    public static final String ENABLED = "bd.captcha.enabled";
    public static final String PROVIDER = "bd.captcha.provider";
    public static final String SITE_KEY = "bd.captcha.siteKey";
    public static final String SECRET = "bd.captcha.secret";
    public static final String VERIFY_URL = "bd.captcha.verifyUrl";

    /**
     * Reads the settings. Captcha is on and reCAPTCHA (the one the seeds show) when the attribute is missing or
     * blank; an impossible value ({@code ture}, an unknown provider) fails the flow with a log line naming the
     * attribute, like every setting of ours: a typo must neither switch the protection off nor go unnoticed.
     */
    public static CaptchaSettings from(Map<String, String> realmAttributes) {
        String enabled = trimmed(realmAttributes.get(ENABLED));
        if (!enabled.isEmpty() && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw impossible(ENABLED);
        }
        String providerName = trimmed(realmAttributes.get(PROVIDER));
        CaptchaProvider provider = providerName.isEmpty() ? CaptchaProvider.RECAPTCHA
                : CaptchaProvider.named(providerName).orElseThrow(() -> impossible(PROVIDER));
        String verifyUrl = trimmed(realmAttributes.get(VERIFY_URL));
        return new CaptchaSettings(!enabled.equalsIgnoreCase("false"), provider, trimmed(realmAttributes.get(SITE_KEY)),
                trimmed(realmAttributes.get(SECRET)), verifyUrl.isEmpty() ? provider.defaultVerifyUrl() : verifyUrl);
    }

    private static AuthenticationFlowException impossible(String attribute) {
        LOG.errorf("realm attributes: impossible value for '%s'", attribute);
        return new AuthenticationFlowException("captcha realm attribute " + attribute, AuthenticationFlowError.INTERNAL_ERROR);
    }

    /** Whether a form can be verified at all: on, with a site key and a secret. */
    public boolean configured() {
        return !siteKey.isEmpty() && !secret.isEmpty();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
