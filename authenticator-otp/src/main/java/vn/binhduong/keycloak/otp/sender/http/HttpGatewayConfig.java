package vn.binhduong.keycloak.otp.sender.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.keycloak.Config;

import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/**
 * The {@code http} provider's server options, read and checked once at boot. A {@code preset} (a gateway's shape,
 * {@code sms-presets/<name>.properties} in this JAR) supplies defaults for any option not given.
 */
record HttpGatewayConfig(URI url, String method, Map<String, RequestTemplate> headers, AuthType authType,
                         String username, String secret, String contentType, RequestTemplate body, String brandname,
                         PhoneFormat phoneFormat, Set<Integer> successStatuses, String successJsonPointer,
                         String successJsonValue, String successXmlElement, String successXmlValue,
                         Map<String, String> params, TokenEndpoint token, Duration timeout) {

    enum AuthType { NONE, BASIC, BEARER, OAUTH2 }

    static final String DEFAULT_BODY = "{\"to\":\"{phone}\",\"text\":\"{message}\",\"brandname\":\"{brandname}\"}";
    /** What a template may use besides {@code {param:<name>}} (the option {@code param-<name>}). */
    static final Set<String> PLACEHOLDERS = Set.of("phone", "message", "messageBase64", "code", "requestId",
            "brandname", "username", "secret", "token");
    static final String PARAM_PREFIX = "param:";

    static HttpGatewayConfig from(Config.Scope config) {
        Options options = new Options(config, preset(config.get("preset")));
        String url = options.get("url", null);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("spi-sms-sender--http--url is required");
        }
        String pointer = options.get("success-json-field", null);
        if (pointer != null && !pointer.startsWith("/")) {
            pointer = "/" + pointer.replace('.', '/');
        }
        TokenEndpoint token = token(options);
        AuthType auth = AuthType.valueOf(options.get("auth", token == null ? "none" : "oauth2").toUpperCase(Locale.ROOT));
        if (auth == AuthType.OAUTH2 && token == null) {
            throw new IllegalArgumentException("spi-sms-sender--http--auth=oauth2 needs spi-sms-sender--http--token-url");
        }
        Map<String, RequestTemplate> headers = headers(options.get("headers", ""));
        RequestTemplate body = new RequestTemplate(options.get("body-template", DEFAULT_BODY));
        Map<String, String> params = new LinkedHashMap<>();
        List<RequestTemplate> templates = new ArrayList<>(headers.values());
        templates.add(body);
        for (RequestTemplate template : templates) {
            for (String placeholder : template.placeholders()) {
                if (placeholder.startsWith(PARAM_PREFIX)) {
                    String name = placeholder.substring(PARAM_PREFIX.length());
                    String value = options.get("param-" + name, null);
                    if (value == null) {
                        throw new IllegalArgumentException("spi-sms-sender--http--param-" + name
                                + " is required: the body or a header uses {" + placeholder + "}");
                    }
                    params.put(placeholder, value);
                } else if (!PLACEHOLDERS.contains(placeholder)) {
                    throw new IllegalArgumentException("spi-sms-sender--http: unknown placeholder {" + placeholder
                            + "}; known: " + new TreeSet<>(PLACEHOLDERS) + " and {param:<name>}");
                }
            }
        }
        return new HttpGatewayConfig(URI.create(url.trim()),
                options.get("method", "POST").toUpperCase(Locale.ROOT),
                headers,
                auth,
                options.get("username", null),
                options.get("secret", null),
                options.get("content-type", "application/json"),
                body,
                options.get("brandname", ""),
                PhoneFormat.valueOf(options.get("phone-format", "e164").toUpperCase(Locale.ROOT)),
                statuses(options.get("success-status", "200")),
                pointer,
                options.get("success-json-value", null),
                options.get("success-xml-element", null),
                options.get("success-xml-value", null),
                params,
                token,
                SmsSenderFactory.timeout(config));
    }

    RequestTemplate.Syntax syntax() {
        return RequestTemplate.Syntax.of(contentType);
    }

    /** Options as given, else the preset's, else the built-in default. */
    private record Options(Config.Scope config, Properties preset) {
        String get(String key, String fallback) {
            String value = config.get(key);
            return value != null ? value : preset.getProperty(key, fallback);
        }
    }

    private static Properties preset(String name) {
        Properties preset = new Properties();
        if (name == null || name.isBlank()) {
            return preset;
        }
        String file = "/sms-presets/" + name.trim().toLowerCase(Locale.ROOT) + ".properties";
        try (InputStream in = HttpGatewayConfig.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("spi-sms-sender--http--preset: no preset '" + name
                        + "' (esms, speedsms, viettel, vnpt, vmg, fpt)");
            }
            preset.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("preset " + file + " not readable", e);
        }
        return preset;
    }

    private static TokenEndpoint token(Options options) {
        String url = options.get("token-url", null);
        if (url == null || url.isBlank()) {
            return null;
        }
        String clientId = options.get("token-client-id", null);
        if (clientId == null) {
            throw new IllegalArgumentException("spi-sms-sender--http--token-client-id is required with token-url");
        }
        return new TokenEndpoint(URI.create(url.trim()), clientId, options.get("token-client-secret", null),
                options.get("token-scope", null),
                TokenEndpoint.Format.valueOf(options.get("token-format", "form").toUpperCase(Locale.ROOT)));
    }

    /** {@code "X-Api-Key: ${vault.sms-key}; X-Tenant: bd"} */
    private static Map<String, RequestTemplate> headers(String raw) {
        Map<String, RequestTemplate> headers = new LinkedHashMap<>();
        for (String entry : raw.split(";")) {
            int colon = entry.indexOf(':');
            if (!entry.isBlank()) {
                if (colon < 1) {
                    throw new IllegalArgumentException("spi-sms-sender--http--headers: expected 'Name: value', got an entry without ':'");
                }
                headers.put(entry.substring(0, colon).trim(), new RequestTemplate(entry.substring(colon + 1).trim()));
            }
        }
        return headers;
    }

    /** {@code "200,201"} */
    private static Set<Integer> statuses(String raw) {
        Set<Integer> statuses = new TreeSet<>();
        for (String status : raw.split(",")) {
            statuses.add(Integer.parseInt(status.trim()));
        }
        return statuses;
    }
}
