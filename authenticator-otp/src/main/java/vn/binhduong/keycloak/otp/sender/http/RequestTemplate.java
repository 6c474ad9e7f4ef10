package vn.binhduong.keycloak.otp.sender.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.SecretOption;

/**
 * A body or header template of the {@code http} gateway: placeholders ({@code {phone}}, {@code {code}},
 * {@code {param:cp-code}}…) and vault references ({@code ${vault.key}}, read at each send) are replaced in one
 * pass, so a value can never bring in a placeholder of its own, and every value is escaped for the body's syntax
 * (JSON, XML, form), so a message cannot break the request.
 */
final class RequestTemplate {

    private static final Pattern TOKEN = Pattern.compile("\\$\\{vault\\.[^}]+}|\\{([a-zA-Z0-9]+(?::[a-z0-9-]+)?)}");

    enum Syntax {
        JSON(value -> new String(JsonStringEncoder.getInstance().quoteAsString(value))),
        XML(value -> value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;")),
        FORM(value -> URLEncoder.encode(value, StandardCharsets.UTF_8)),
        RAW(value -> value);

        private final UnaryOperator<String> escape;

        Syntax(UnaryOperator<String> escape) {
            this.escape = escape;
        }

        static Syntax of(String contentType) {
            String type = contentType.toLowerCase(java.util.Locale.ROOT);
            if (type.contains("json")) {
                return JSON;
            }
            if (type.contains("xml")) {
                return XML;
            }
            return type.contains("x-www-form-urlencoded") ? FORM : RAW;
        }
    }

    private final String template;

    RequestTemplate(String template) {
        this.template = template;
    }

    /** The {@code {name}} placeholders the template uses ({@code param:x} included), for the boot-time check. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Every placeholder must be in {@code values} (checked at boot); a vault reference the vault lacks stays as written. */
    String render(Map<String, String> values, KeycloakSession session, Syntax syntax) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1) == null ? SecretOption.resolve(session, matcher.group())
                    : values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : syntax.escape.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
