package vn.binhduong.keycloak.otp.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class SmsTextLocaleTest {

    private static final Locale ENGLISH_USER = Locale.ENGLISH;

    private static RealmModel realm(String defaultLocale, String setting) {
        return (RealmModel) Proxy.newProxyInstance(SmsTextLocaleTest.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDefaultLocale" -> defaultLocale;
                    case "getAttribute" -> SmsTextLocale.ATTRIBUTE.equals(args[0]) ? setting : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void byDefaultTheTextIsInTheRealmsDefaultLocaleNotTheUsers() {
        assertThat(SmsTextLocale.choose(realm("vi", null), ENGLISH_USER)).isEqualTo(Locale.forLanguageTag("vi"));
        assertThat(SmsTextLocale.choose(realm("vi", "realm"), ENGLISH_USER)).isEqualTo(Locale.forLanguageTag("vi"));
    }

    @Test
    void userFollowsTheUserAndATagFixesTheLanguage() {
        assertThat(SmsTextLocale.choose(realm("vi", "user"), ENGLISH_USER)).isEqualTo(ENGLISH_USER);
        assertThat(SmsTextLocale.choose(realm("vi", "en"), Locale.forLanguageTag("vi"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aRealmWithoutLocalesKeepsTheUsers() {
        assertThat(SmsTextLocale.choose(realm(null, null), ENGLISH_USER)).isEqualTo(ENGLISH_USER);
    }
}
