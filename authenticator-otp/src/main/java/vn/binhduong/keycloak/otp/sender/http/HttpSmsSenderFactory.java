package vn.binhduong.keycloak.otp.sender.http;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;
import vn.binhduong.keycloak.otp.sender.SmsSender;
import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/** {@code --spi-sms-sender--provider-default=http}; options under {@code --spi-sms-sender--http--…} (see README). */
public class HttpSmsSenderFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "http";

    private HttpGatewayConfig config;
    private Optional<String> secondary = Optional.empty();
    private GatewayToken token;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void init(Config.Scope scope) {
        // Unconfigured (another provider is in use): stays inert and fails each send clearly.
        if (scope.get("url") == null) {
            return;
        }
        config = HttpGatewayConfig.from(scope);
        secondary = SmsSenderFactory.secondary(scope);
        if (config.token() != null) {
            token = new GatewayToken(config.token(), json, Instant::now);
        }
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        if (config == null) {
            return (phone, text) -> {
                throw new vn.binhduong.keycloak.otp.sender.SmsSendException("spi-sms-sender--http--url is not set", false);
            };
        }
        return new HttpSmsSender(session, config, GatewayHttp.of(session, config.timeout()), json, token);
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
