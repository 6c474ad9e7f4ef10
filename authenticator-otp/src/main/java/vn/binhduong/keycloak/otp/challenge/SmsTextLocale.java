package vn.binhduong.keycloak.otp.challenge;

import java.util.Locale;

import org.keycloak.models.RealmModel;

/**
 * The language of the SMS text, the realm attribute {@value #ATTRIBUTE}: a brandname gateway delivers only texts
 * matching a template registered with the carrier, in one language, so by default ({@code realm}) the text is in the
 * realm's default locale whatever the user reads; {@code user} follows the user's locale; a language tag
 * ({@code vi}, {@code en}) fixes it.
 */
public final class SmsTextLocale {

    public static final String ATTRIBUTE = "bd.sms.textLocale";
    static final String REALM = "realm";
    static final String USER = "user";

    private SmsTextLocale() {
    }

    static Locale choose(RealmModel realm, Locale userLocale) {
        String setting = realm.getAttribute(ATTRIBUTE);
        String value = setting == null || setting.isBlank() ? REALM : setting.trim();
        if (value.equals(USER)) {
            return userLocale;
        }
        if (value.equals(REALM)) {
            String realmDefault = realm.getDefaultLocale();
            return realmDefault == null || realmDefault.isBlank() ? userLocale : Locale.forLanguageTag(realmDefault);
        }
        return Locale.forLanguageTag(value);
    }
}
