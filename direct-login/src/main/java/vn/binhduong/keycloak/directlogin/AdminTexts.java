package vn.binhduong.keycloak.directlogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The admin theme's messages (this module's {@code theme-resources/messages} included) in the administrator's
 * language as Keycloak resolves it: the administrator's locale, else the request's Accept-Language, else the
 * realm's default locale (vi for binhduong).
 */
final class AdminTexts {

    private AdminTexts() {
    }

    static Properties of(KeycloakSession session, UserModel admin) {
        return messages(session, session.getContext().resolveLocale(admin, Theme.Type.ADMIN));
    }

    static String text(KeycloakSession session, UserModel admin, AdminRefusal refusal) {
        return refusal.reason().text(of(session, admin));
    }

    /**
     * For what the server writes by itself (a reason of the switch, read later by any administrator): the realm's
     * default language.
     */
    static String inRealmLanguage(KeycloakSession session, RealmModel realm, AdminMessage message) {
        String tag = realm.getDefaultLocale();
        return message.text(messages(session, tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag)));
    }

    private static Properties messages(KeycloakSession session, Locale locale) {
        try {
            return session.theme().getTheme(Theme.Type.ADMIN).getMessages(locale);
        } catch (IOException e) {
            throw new UncheckedIOException("admin theme messages", e);
        }
    }
}
