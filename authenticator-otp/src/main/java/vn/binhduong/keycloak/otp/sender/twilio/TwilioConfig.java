package vn.binhduong.keycloak.otp.sender.twilio;

import java.net.URI;
import java.time.Duration;

import org.keycloak.Config;

import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/**
 * The {@code twilio} provider's server options, read and checked once at boot. {@code authToken} may be a vault
 * reference ({@code ${vault.key}}), resolved at each send.
 */
record TwilioConfig(String accountSid, String authToken, String messagingServiceSid, String from, URI apiBase,
                    Duration timeout) {

    static final String DEFAULT_API_BASE = "https://api.twilio.com";

    TwilioConfig {
        if ((messagingServiceSid == null) == (from == null)) {
            throw new IllegalArgumentException("spi-sms-sender--twilio: set exactly one of messaging-service-sid and from");
        }
        String scheme = apiBase.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || apiBase.getHost() == null) {
            throw new IllegalArgumentException("spi-sms-sender--twilio--api-base-url must be an http(s) URL");
        }
    }

    static TwilioConfig from(Config.Scope config) {
        return new TwilioConfig(required(config, "account-sid"), required(config, "auth-token"),
                optional(config, "messaging-service-sid"), optional(config, "from"),
                URI.create(config.get("api-base-url", DEFAULT_API_BASE).trim()), SmsSenderFactory.timeout(config));
    }

    private static String required(Config.Scope config, String key) {
        String value = optional(config, key);
        if (value == null) {
            throw new IllegalArgumentException("spi-sms-sender--twilio--" + key + " is required");
        }
        return value;
    }

    private static String optional(Config.Scope config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
