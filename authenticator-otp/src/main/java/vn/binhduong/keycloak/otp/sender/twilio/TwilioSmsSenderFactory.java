package vn.binhduong.keycloak.otp.sender.twilio;

import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;
import vn.binhduong.keycloak.otp.sender.SecretOption;
import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SmsSender;
import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/** {@code --spi-sms-sender--provider-default=twilio}; options under {@code --spi-sms-sender--twilio--…} (see README). */
public class TwilioSmsSenderFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "twilio";

    private TwilioConfig config;
    private Optional<String> secondary = Optional.empty();

    @Override
    public void init(Config.Scope scope) {
        // Unconfigured (another provider is in use): stays inert and fails each send clearly.
        if (scope.get("account-sid") == null) {
            return;
        }
        config = TwilioConfig.from(scope);
        secondary = SmsSenderFactory.secondary(scope);
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        if (config == null) {
            return (phone, text) -> {
                throw new SmsSendException("spi-sms-sender--twilio--account-sid is not set", false);
            };
        }
        return new TwilioSmsSender(config, SecretOption.resolve(session, config.authToken()),
                GatewayHttp.of(session, config.timeout()));
    }

    @Override
    public Optional<String> secondary() {
        return secondary;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
