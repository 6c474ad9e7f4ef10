package vn.binhduong.keycloak.otp.sender.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

import vn.binhduong.keycloak.otp.sender.MapScope;
import vn.binhduong.keycloak.otp.sender.SmsSender;
import vn.binhduong.keycloak.otp.sender.SmsSenderFactory;

/**
 * The outbox's production rule: the boot stops when it would carry real logins' codes in production mode, unless
 * forced; its page is served only where the outbox may run. Dev or production mode is Keycloak's {@code kc.profile}.
 */
class OutboxSmsSenderFactoryTest {

    @AfterEach
    void clearProfile() {
        System.clearProperty(Environment.PROFILE);
    }

    /** Another sms-sender, as the http or twilio one, with an optional secondary. */
    private record OtherSender(String id, Optional<String> secondary) implements SmsSenderFactory {
        @Override
        public SmsSender create(KeycloakSession session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void init(Config.Scope config) {
        }

        @Override
        public String getId() {
            return id;
        }
    }

    private static OutboxSmsSenderFactory outbox(String profile, Map<String, String> options) {
        System.setProperty(Environment.PROFILE, profile);
        OutboxSmsSenderFactory outbox = new OutboxSmsSenderFactory();
        outbox.init(new MapScope(options));
        return outbox;
    }

    /** Keycloak's registry of the loaded sms-sender factories, {@code primary} first; nothing else is asked of it. */
    private static KeycloakSessionFactory loaded(ProviderFactory<SmsSender> primary, List<ProviderFactory<SmsSender>> all) {
        return (KeycloakSessionFactory) Proxy.newProxyInstance(KeycloakSessionFactory.class.getClassLoader(),
                new Class<?>[] {KeycloakSessionFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProviderFactory" -> args.length == 1 ? primary
                            : all.stream().filter(f -> f.getId().equals(args[1])).findFirst().orElse(null);
                    case "getProviderFactoriesStream" -> all.stream();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void inProductionTheOutboxAsPrimaryStopsTheBoot() {
        OutboxSmsSenderFactory outbox = outbox("prod", Map.of());

        assertThatThrownBy(() -> outbox.postInit(loaded(outbox, List.of(outbox))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development only").hasMessageContaining("force-in-production");
        assertThat(outbox.allowed()).isFalse();
    }

    @Test
    void inProductionTheOutboxAsASecondaryStopsTheBoot() {
        OutboxSmsSenderFactory outbox = outbox("prod", Map.of());
        OtherSender http = new OtherSender("http", Optional.of("outbox"));

        assertThatThrownBy(() -> outbox.postInit(loaded(http, List.of(http, outbox))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("development only");
    }

    @Test
    void inProductionAnUnusedOutboxStaysOffAndItsPageIsNotServed() {
        OutboxSmsSenderFactory outbox = outbox("prod", Map.of());
        OtherSender http = new OtherSender("http", Optional.of("twilio"));
        OtherSender twilio = new OtherSender("twilio", Optional.empty());
        KeycloakSessionFactory factories = loaded(http, List.of(http, twilio, outbox));

        assertThatCode(() -> outbox.postInit(factories)).doesNotThrowAnyException();
        assertThatThrownBy(() -> outbox.create(null)).isInstanceOf(IllegalStateException.class);
        OutboxResourceProviderFactory page = new OutboxResourceProviderFactory();
        page.postInit(factories);
        assertThat(page.create(null).getResource()).isNull();
    }

    @Test
    void inProductionTheForceOptionAllowsTheOutboxAndItsPage() {
        OutboxSmsSenderFactory outbox = outbox("prod", Map.of("force-in-production", "true", "page", "true"));
        KeycloakSessionFactory factories = loaded(outbox, List.of(outbox));

        assertThatCode(() -> outbox.postInit(factories)).doesNotThrowAnyException();
        OutboxResourceProviderFactory page = new OutboxResourceProviderFactory();
        page.postInit(factories);
        assertThat(page.create(null).getResource()).isInstanceOf(OutboxResource.class);
    }

    @Test
    void inDevModeThePageIsOffUnlessAskedFor() {
        OutboxSmsSenderFactory outbox = outbox("dev", Map.of());
        KeycloakSessionFactory factories = loaded(outbox, List.of(outbox));

        assertThatCode(() -> outbox.postInit(factories)).doesNotThrowAnyException();
        assertThat(outbox.allowed()).isTrue();
        OutboxResourceProviderFactory page = new OutboxResourceProviderFactory();
        page.postInit(factories);
        assertThat(page.create(null).getResource()).isNull();
    }

    @Test
    void inDevModeTheOutboxAndItsPageWork() {
        OutboxSmsSenderFactory outbox = outbox("dev", Map.of("page", "true"));
        KeycloakSessionFactory factories = loaded(outbox, List.of(outbox));

        assertThatCode(() -> outbox.postInit(factories)).doesNotThrowAnyException();
        OutboxResourceProviderFactory page = new OutboxResourceProviderFactory();
        page.postInit(factories);
        assertThat(page.create(null).getResource()).isInstanceOf(OutboxResource.class);
    }
}
