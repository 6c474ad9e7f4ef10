package vn.binhduong.keycloak.captcha;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The captcha of our forms (phone registration, password reset): puts the widget on a page and checks what the
 * form sent back. Keycloak's own reCAPTCHA is a registration-form action only, so it cannot guard an
 * authenticator or a required action; this is the same check, for any of them.
 */
public final class Captcha {

    /** Message key shown when the captcha was not solved or could not be checked. */
    public static final String FAILED_MESSAGE = "bdCaptchaFailed";
    /** Form attribute this module's {@code bd-captcha.ftl} macro (theme-resources) reads; absent when captcha is off. */
    static final String FORM_ATTRIBUTE = "bdCaptcha";
    /** The widget is a token at most this long: anything longer is refused without calling the service. */
    static final int MAX_TOKEN_LENGTH = 4096;

    private static final Logger LOG = Logger.getLogger(Captcha.class);

    private final KeycloakSession session;
    private final CaptchaSettings settings;

    public Captcha(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.settings = CaptchaSettings.from(realm.getAttributes());
    }

    /** Adds the widget's attributes to the form when captcha is on. */
    public LoginFormsProvider addTo(LoginFormsProvider form) {
        if (settings.enabled()) {
            CaptchaProvider provider = settings.provider();
            form.setAttribute(FORM_ATTRIBUTE, Map.of(
                    "siteKey", settings.siteKey(),
                    "widgetClass", provider.widgetClass(),
                    "scriptUrl", provider.scriptUrl(session.getContext().resolveLocale(null)),
                    "responseField", provider.responseField()));
        }
        return form;
    }

    /** True when captcha is off for the realm, or the service confirms the token the form sent. */
    public boolean passed(MultivaluedMap<String, String> formParams, String remoteIp) {
        if (!settings.enabled()) {
            return true;
        }
        if (!settings.configured()) {
            LOG.warn("Captcha is on but its site key or secret is not set: every captcha fails (bd.captcha.* realm attributes)");
            return false;
        }
        String token = formParams.getFirst(settings.provider().responseField());
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        return new CaptchaVerifier(session).verify(settings, token, remoteIp == null ? "" : remoteIp);
    }
}
