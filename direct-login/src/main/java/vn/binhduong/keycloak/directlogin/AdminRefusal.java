package vn.binhduong.keycloak.directlogin;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Properties;

/**
 * A change an administrator asked for and may not have: a message key of this module's messages (vi, en) and its
 * parameters, put into words in the administrator's language by {@link AdminTexts}. Parameters are kept as text,
 * so a number reads as the administrator typed it (86400, not 86.400).
 */
final class AdminRefusal extends RuntimeException {

    private final String key;
    private final String[] parameters;

    AdminRefusal(String key, Object... parameters) {
        super(key);
        this.key = key;
        this.parameters = Arrays.stream(parameters).map(String::valueOf).toArray(String[]::new);
    }

    String key() {
        return key;
    }

    /** The refusal in the language of {@code messages}; the key itself if the bundle lacks it. */
    String text(Properties messages) {
        return MessageFormat.format(messages.getProperty(key, key), (Object[]) parameters);
    }
}
