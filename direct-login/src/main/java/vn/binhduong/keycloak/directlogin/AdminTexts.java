package vn.binhduong.keycloak.directlogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
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
        try {
            return session.theme().getTheme(Theme.Type.ADMIN)
                    .getMessages(session.getContext().resolveLocale(admin, Theme.Type.ADMIN));
        } catch (IOException e) {
            throw new UncheckedIOException("admin theme messages", e);
        }
    }

    static String text(KeycloakSession session, UserModel admin, AdminRefusal refusal) {
        return refusal.text(of(session, admin));
    }
}
