package vn.binhduong.keycloak.directlogin;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A text for administrators as a key of this module's messages (vi, en) and its parameters, put into words by
 * {@link AdminTexts} in the reader's language. Parameters are kept as text, so a number reads as it was given
 * (86400, not 86.400).
 */
record AdminMessage(String key, List<String> parameters) {

    static AdminMessage of(String key, Object... parameters) {
        return new AdminMessage(key, Arrays.stream(parameters).map(String::valueOf).toList());
    }

    /** The text in the language of {@code messages}; the key itself if the bundle lacks it. */
    String text(Properties messages) {
        return MessageFormat.format(messages.getProperty(key, key), parameters.toArray());
    }
}
