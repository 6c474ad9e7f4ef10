package vn.binhduong.keycloak.directlogin;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An {@link AdminRefusal} or {@link AdminMessage} as a Vietnamese administrator reads it (messages_vi.properties). */
final class Refusals {

    private static final Properties VI = load("theme-resources/messages/messages_vi.properties");

    private Refusals() {
    }

    /** The Vietnamese text of the refusal {@code call} throws; fails if it throws none. */
    static String vietnamese(ThrowingCallable call) {
        AdminRefusal refusal = catchThrowableOfType(AdminRefusal.class, call);
        if (refusal == null) {
            throw new AssertionError("no AdminRefusal thrown");
        }
        return vietnamese(refusal.reason());
    }

    static String vietnamese(AdminMessage message) {
        if (!VI.containsKey(message.key())) {
            throw new AssertionError("no Vietnamese message for " + message.key());
        }
        return message.text(VI);
    }

    private static Properties load(String resource) {
        try (Reader reader = new InputStreamReader(Refusals.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
