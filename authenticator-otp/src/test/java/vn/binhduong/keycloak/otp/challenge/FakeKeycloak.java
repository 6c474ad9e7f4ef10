package vn.binhduong.keycloak.otp.challenge;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.ThemeManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

/**
 * Just enough of a Keycloak session for {@link SmsCodeChallenge}: auth notes in a map, the single-use store as a
 * set of keys (expiry is not modelled: no test outlives a slot), and a login theme whose messages hold the SMS text.
 * Any other call fails the test, so a new dependency on the session shows at once.
 */
final class FakeKeycloak {

    final Map<String, String> authNotes = new HashMap<>();
    final Set<String> singleUse = new HashSet<>();

    final AuthenticationSessionModel authSession = proxy(AuthenticationSessionModel.class, (method, args) -> switch (method) {
        case "getAuthNote" -> authNotes.get((String) args[0]);
        case "setAuthNote" -> authNotes.put((String) args[0], (String) args[1]);
        case "removeAuthNote" -> authNotes.remove((String) args[0]);
        default -> UNHANDLED;
    });

    final RealmModel realm = proxy(RealmModel.class, (method, args) -> switch (method) {
        case "getAttribute" -> null;
        case "getDefaultLocale" -> "vi";
        default -> UNHANDLED;
    });

    private final SingleUseObjectProvider store = proxy(SingleUseObjectProvider.class, (method, args) -> switch (method) {
        case "putIfAbsent" -> singleUse.add((String) args[0]);
        case "contains" -> singleUse.contains((String) args[0]);
        case "remove" -> {
            singleUse.remove((String) args[0]);
            yield null;
        }
        default -> UNHANDLED;
    });

    private final Theme loginTheme = proxy(Theme.class, (method, args) -> switch (method) {
        case "getEnhancedMessages" -> {
            Properties messages = new Properties();
            messages.setProperty(SmsCodeChallenge.SMS_TEXT_KEY, "Ma {0}, hieu luc {1} giay");
            yield messages;
        }
        default -> UNHANDLED;
    });

    private final ThemeManager themes = proxy(ThemeManager.class, (method, args) -> switch (method) {
        case "getTheme" -> loginTheme;
        default -> UNHANDLED;
    });

    final KeycloakSession session = proxy(KeycloakSession.class, (method, args) -> switch (method) {
        case "singleUseObjects" -> store;
        case "theme" -> themes;
        default -> UNHANDLED;
    });

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** What an answer gives for a call the fake does not model: the test fails, naming it. */
    private static final Object UNHANDLED = new Object();

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        Object fake = Proxy.newProxyInstance(FakeKeycloak.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> {
                        Object result = answer.answer(method.getName(), args);
                        if (result == UNHANDLED) {
                            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                        }
                        yield result;
                    }
                });
        return type.cast(fake);
    }
}
