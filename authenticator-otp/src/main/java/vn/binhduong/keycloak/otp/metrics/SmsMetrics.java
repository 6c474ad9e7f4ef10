package vn.binhduong.keycloak.otp.metrics;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The SMS meters, in the registry Keycloak's own user-event and password meters use ({@link Metrics#globalRegistry}),
 * so they show at {@code /metrics} on the management port with {@code --metrics-enabled=true} (Prometheus names:
 * {@code bd_sms_sends_total}, {@code bd_sms_send_duration_seconds}, {@code bd_sms_send_refusals_total},
 * {@code bd_sms_codes_verified_total}). Without that option the registry holds no backend and a meter costs nothing.
 * Tags name providers, outcomes and caps only, never a phone number, a user or a code.
 */
public final class SmsMetrics {

    static final String SENDS = "bd.sms.sends";
    static final String SEND_DURATION = "bd.sms.send.duration";
    static final String REFUSALS = "bd.sms.send.refusals";
    static final String CODES_VERIFIED = "bd.sms.codes.verified";

    /** What one provider did with one message. */
    public enum SendOutcome {
        SENT,
        /** Not taken, and not handed to another provider. */
        FAILED,
        /** Surely not taken, so handed to the provider's secondary. */
        FAILED_OVER,
        /** Refused by the provider as suspect traffic (SMS pumping protection, fraud block), handed to no other. */
        BLOCKED
    }

    /** Which allowance refused a send before any provider was asked. */
    public enum Cap { PHONE_HOURLY, IP_HOURLY, RESEND_COOLDOWN, RESENDS_PER_LOGIN }

    /** What one entered code came to; {@code VOIDED}: the code's wrong-entry cap was spent. */
    public enum CodeOutcome { VALID, WRONG, EXPIRED, VOIDED }

    /** Buckets for the latency histogram: a gateway answers in tens of milliseconds, a timeout is seconds. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public SmsMetrics() {
        this(Metrics.globalRegistry);
    }

    public SmsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(String provider, SendOutcome outcome) {
        Counter.builder(SENDS).description("SMS handed to a provider, by outcome")
                .tag("provider", provider).tag("outcome", tag(outcome))
                .register(registry).increment();
    }

    /** How long one provider's send took, whatever came of it. */
    public void sendDuration(String provider, Duration duration) {
        Timer.builder(SEND_DURATION).description("Time of one send to one SMS provider")
                .tag("provider", provider).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(duration);
    }

    /** A send refused by a cap; {@code budget} is the allowance's family ({@code login} or {@code anonymous}). */
    public void refused(Cap cap, String budget) {
        Counter.builder(REFUSALS).description("SMS sends refused by a cap before any provider was asked")
                .tag("cap", tag(cap)).tag("budget", budget)
                .register(registry).increment();
    }

    public void verified(CodeOutcome outcome) {
        Counter.builder(CODES_VERIFIED).description("SMS codes entered, by outcome")
                .tag("outcome", tag(outcome))
                .register(registry).increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
