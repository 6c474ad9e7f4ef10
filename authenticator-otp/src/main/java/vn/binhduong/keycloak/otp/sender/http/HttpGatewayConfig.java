package vn.binhduong.keycloak.otp.sender.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.keycloak.Config;

import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/** The {@code http} provider's server options, read and checked once at boot. */
record HttpGatewayConfig(URI url, String method, Map<String, String> headers, AuthType authType, String username,
                         String secret, String contentType, String bodyTemplate, String brandname,
                         PhoneFormat phoneFormat, Set<Integer> successStatuses, String successJsonPointer,
                         String successJsonValue, Duration timeout) {

    enum AuthType { NONE, BASIC, BEARER }

    static HttpGatewayConfig from(Config.Scope config) {
        String url = config.get("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("spi-sms-sender--http--url is required");
        }
        String pointer = config.get("success-json-field");
        if (pointer != null && !pointer.startsWith("/")) {
            pointer = "/" + pointer.replace('.', '/');
        }
        return new HttpGatewayConfig(URI.create(url.trim()),
                config.get("method", "POST").toUpperCase(Locale.ROOT),
                headers(config.get("headers", "")),
                AuthType.valueOf(config.get("auth", "none").toUpperCase(Locale.ROOT)),
                config.get("username"),
                config.get("secret"),
                config.get("content-type", "application/json"),
                config.get("body-template", "{\"to\":\"{phone}\",\"text\":\"{message}\",\"brandname\":\"{brandname}\"}"),
                config.get("brandname", ""),
                PhoneFormat.valueOf(config.get("phone-format", "e164").toUpperCase(Locale.ROOT)),
                statuses(config.get("success-status", "200")),
                pointer,
                config.get("success-json-value"),
                SmsSenderFactory.timeout(config));
    }

    /** {@code "X-Api-Key: abc; X-Tenant: bd"} */
    private static Map<String, String> headers(String raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : raw.split(";")) {
            int colon = entry.indexOf(':');
            if (!entry.isBlank()) {
                if (colon < 1) {
                    throw new IllegalArgumentException("spi-sms-sender--http--headers: expected 'Name: value', got an entry without ':'");
                }
                headers.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
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
