package vn.binhduong.keycloak.captcha;

import java.util.Locale;
import java.util.Optional;

/**
 * The captcha services that share one shape: a widget script that puts a token into a form field, and a
 * {@code siteverify} endpoint that takes {@code secret}, {@code response} and {@code remoteip} and answers
 * {@code {"success": true|false}}.
 */
public enum CaptchaProvider {

    RECAPTCHA("https://www.google.com/recaptcha/api/siteverify", "https://www.google.com/recaptcha/api.js",
            "g-recaptcha-response", "g-recaptcha", "hl"),
    TURNSTILE("https://challenges.cloudflare.com/turnstile/v0/siteverify",
            "https://challenges.cloudflare.com/turnstile/v0/api.js", "cf-turnstile-response", "cf-turnstile", null),
    HCAPTCHA("https://api.hcaptcha.com/siteverify", "https://js.hcaptcha.com/1/api.js",
            "h-captcha-response", "h-captcha", "hl");

    private final String verifyUrl;
    private final String scriptUrl;
    private final String responseField;
    private final String widgetClass;
    private final String languageParameter;

    CaptchaProvider(String verifyUrl, String scriptUrl, String responseField, String widgetClass,
                    String languageParameter) {
        this.verifyUrl = verifyUrl;
        this.scriptUrl = scriptUrl;
        this.responseField = responseField;
        this.widgetClass = widgetClass;
        this.languageParameter = languageParameter;
    }

    /** {@code recaptcha}, {@code turnstile} or {@code hcaptcha}, any case. */
    public static Optional<CaptchaProvider> named(String name) {
        for (CaptchaProvider provider : values()) {
            if (provider.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    public String defaultVerifyUrl() {
        return verifyUrl;
    }

    /** The widget script, asking for the page's language where the service takes one in the URL. */
    public String scriptUrl(Locale locale) {
        return languageParameter == null ? scriptUrl : scriptUrl + "?" + languageParameter + "=" + locale.toLanguageTag();
    }

    /** The form field the widget fills with its token. */
    public String responseField() {
        return responseField;
    }

    /** The CSS class the widget script looks for. */
    public String widgetClass() {
        return widgetClass;
    }
}
