package vn.binhduong.keycloak.realm;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code ${NAME}} placeholders that Keycloak's import left in place because the environment had no
 * such variable. Placeholders with a default ({@code ${NAME:default}}) are always resolved by the import,
 * so whatever is left is a required variable that is missing. Only upper-case names count: Keycloak's own
 * {@code ${authBaseUrl}} and {@code ${client_account}} are resolved later, by Keycloak, and are not ours.
 */
final class UnresolvedPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private UnresolvedPlaceholders() {
    }

    static Set<String> in(String value) {
        Set<String> names = new LinkedHashSet<>();
        if (value == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
