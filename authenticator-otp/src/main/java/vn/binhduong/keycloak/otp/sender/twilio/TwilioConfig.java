package vn.binhduong.keycloak.otp.sender.twilio;

import java.net.URI;
import java.time.Duration;

import org.keycloak.Config;

import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/** The {@code twilio} provider's server options. */
record TwilioConfig(String accountSid, String authToken, String messagingServiceSid, String from, URI apiBase,
                    Duration timeout) {

    static final String DEFAULT_API_BASE = "https://api.twilio.com";

    static TwilioConfig from(Config.Scope config) {
        String accountSid = required(config, "account-sid");
        String authToken = required(config, "auth-token");
        String service = config.get("messaging-service-sid");
        String from = config.get("from");
        if ((service == null) == (from == null)) {
            throw new IllegalArgumentException("spi-sms-sender--twilio: set exactly one of messaging-service-sid and from");
        }
        return new TwilioConfig(accountSid, authToken, service, from, URI.create(config.get("api-base-url", DEFAULT_API_BASE)),
                SmsSenderFactory.timeout(config));
    }

    private static String required(Config.Scope config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("spi-sms-sender--twilio--" + key + " is required");
        }
        return value.trim();
    }
}
