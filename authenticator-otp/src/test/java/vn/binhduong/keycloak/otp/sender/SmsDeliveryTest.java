package vn.binhduong.keycloak.otp.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.binhduong.keycloak.otp.metrics.SmsMetrics;

class SmsDeliveryTest {

    private static final String PHONE = "+84326926565";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, FakeSender> senders = new LinkedHashMap<>();

    /** A provider that fails as told and records what it was handed. */
    private static final class FakeSender implements SmsSender {
        final List<String> texts = new ArrayList<>();
        SmsSendException failure;

        @Override
        public void send(String phoneE164, String text) throws SmsSendException {
            if (failure != null) {
                throw failure;
            }
            texts.add(text);
        }
    }

    private record FakeFactory(String id, String secondaryId, FakeSender sender) implements SmsSenderFactory {
        @Override
        public Optional<String> secondary() {
            return Optional.ofNullable(secondaryId);
        }

        @Override
        public SmsSender create(KeycloakSession session) {
            return sender;
        }

        @Override
        public void init(Config.Scope config) {
        }

        @Override
        public String getId() {
            return id;
        }
    }

    /** Primary {@code http} with secondary {@code twilio}, as the integration tests run them. */
    private SmsDelivery delivery() {
        senders.put("http", new FakeSender());
        senders.put("twilio", new FakeSender());
        Map<String, FakeFactory> factories = Map.of(
                "http", new FakeFactory("http", "twilio", senders.get("http")),
                "twilio", new FakeFactory("twilio", null, senders.get("twilio")));
        KeycloakSessionFactory sessionFactory = (KeycloakSessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeycloakSessionFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProviderFactory" -> factories.get(args.length == 1 ? "http" : (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        KeycloakSession session = (KeycloakSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProvider" -> senders.get(args.length == 1 ? "http" : (String) args[1]);
                    case "getKeycloakSessionFactory" -> sessionFactory;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new SmsDelivery(session, new SmsMetrics(registry));
    }

    private double sends(String provider, String outcome) {
        var counter = registry.find("bd.sms.sends").tags("provider", provider, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long timed(String provider) {
        var timer = registry.find("bd.sms.send.duration").tag("provider", provider).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aSendThePrimaryTookIsCountedAsSentAndTimed() throws Exception {
        SmsDelivery delivery = delivery();

        assertThat(delivery.send(PHONE, "text", "012345")).isEqualTo("http");

        assertThat(sends("http", "sent")).isEqualTo(1);
        assertThat(timed("http")).isEqualTo(1);
        assertThat(sends("twilio", "sent")).isZero();
    }

    @Test
    void aSureFailureCountsAsFailedOverAndTheSecondarysSend() throws Exception {
        SmsDelivery delivery = delivery();
        senders.get("http").failure = new SmsSendException("HTTP 500", false);

        assertThat(delivery.send(PHONE, "text", "012345")).isEqualTo("twilio");

        assertThat(sends("http", "failed_over")).isEqualTo(1);
        assertThat(sends("http", "failed")).isZero();
        assertThat(sends("twilio", "sent")).isEqualTo(1);
        assertThat(timed("http")).isEqualTo(1);
        assertThat(timed("twilio")).isEqualTo(1);
    }

    @Test
    void aMessageThePrimaryMayHaveTakenCountsAsFailedAndIsNotResent() {
        SmsDelivery delivery = delivery();
        senders.get("http").failure = new SmsSendException("read timeout", true);

        assertThatThrownBy(() -> delivery.send(PHONE, "text", "012345")).isInstanceOf(SmsSendException.class);

        assertThat(sends("http", "failed")).isEqualTo(1);
        assertThat(sends("http", "failed_over")).isZero();
        assertThat(senders.get("twilio").texts).isEmpty();
        assertThat(timed("twilio")).isZero();
    }

    @Test
    void aSuspectTrafficRefusalGoesToNoOtherProvider() {
        SmsDelivery delivery = delivery();
        senders.get("http").failure = new SuspectTrafficRefusal("blocked as SMS pumping");

        assertThatThrownBy(() -> delivery.send(PHONE, "text", "012345")).isInstanceOf(SuspectTrafficRefusal.class);

        assertThat(sends("http", "blocked")).isEqualTo(1);
        assertThat(sends("http", "failed_over")).isZero();
        assertThat(senders.get("twilio").texts).isEmpty();
    }

    @Test
    void bothFailingCountOneFailoverAndOneFailure() {
        SmsDelivery delivery = delivery();
        senders.get("http").failure = new SmsSendException("HTTP 500", false);
        senders.get("twilio").failure = new SmsSendException("HTTP 500", false);

        assertThatThrownBy(() -> delivery.send(PHONE, "text", "012345")).isInstanceOf(SmsSendException.class);

        assertThat(sends("http", "failed_over")).isEqualTo(1);
        assertThat(sends("twilio", "failed")).isEqualTo(1);
    }

    @Test
    void noTagHoldsThePhoneNumber() throws Exception {
        SmsDelivery delivery = delivery();
        senders.get("http").failure = new SmsSendException("HTTP 500", false);
        delivery.send(PHONE, "text", "012345");

        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .allSatisfy(tag -> assertThat(tag.getValue()).doesNotContain("326926565")));
    }
}
