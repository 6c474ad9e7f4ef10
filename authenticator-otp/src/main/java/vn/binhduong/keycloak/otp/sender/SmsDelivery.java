package vn.binhduong.keycloak.otp.sender;

import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.metrics.SmsMetrics;
import vn.binhduong.keycloak.otp.metrics.SmsMetrics.SendOutcome;

/**
 * Sends through the server's configured {@code sms-sender} provider and, when that one surely did not take the
 * message, once through its {@code secondary}. A message that may have reached the primary is never sent again, and
 * one the primary refused as suspect traffic ({@link SuspectTrafficRefusal}) goes to no other provider.
 * Each provider's attempt is counted and timed in {@link SmsMetrics}.
 */
public final class SmsDelivery {

    private static final Logger LOG = Logger.getLogger(SmsDelivery.class);

    private final KeycloakSession session;
    private final SmsMetrics metrics;

    public SmsDelivery(KeycloakSession session) {
        this(session, new SmsMetrics());
    }

    public SmsDelivery(KeycloakSession session, SmsMetrics metrics) {
        this.session = session;
        this.metrics = metrics;
    }

    /** Returns the id of the provider that accepted the message. */
    public String send(String phoneE164, String text, String code) throws SmsSendException {
        SmsSender primary = session.getProvider(SmsSender.class);
        if (primary == null) {
            throw new SmsSendException("no sms-sender provider is configured", false);
        }
        String primaryId = session.getKeycloakSessionFactory().getProviderFactory(SmsSender.class).getId();
        try {
            attempt(primaryId, primary, phoneE164, text, code);
            metrics.sent(primaryId, SendOutcome.SENT);
            return primaryId;
        } catch (SmsSendException primaryFailure) {
            if (primaryFailure instanceof SuspectTrafficRefusal) {
                metrics.sent(primaryId, SendOutcome.BLOCKED);
                throw primaryFailure;
            }
            Optional<String> secondaryId = secondaryOf(primaryId);
            if (primaryFailure.mayHaveBeenDelivered() || secondaryId.isEmpty()) {
                metrics.sent(primaryId, SendOutcome.FAILED);
                throw primaryFailure;
            }
            metrics.sent(primaryId, SendOutcome.FAILED_OVER);
            LOG.warnf("SMS provider %s failed (%s); failing over to %s", primaryId, primaryFailure.getMessage(),
                    secondaryId.get());
            SmsSender secondary = session.getProvider(SmsSender.class, secondaryId.get());
            if (secondary == null) {
                throw new SmsSendException("secondary sms-sender " + secondaryId.get() + " is not available", false,
                        primaryFailure);
            }
            try {
                attempt(secondaryId.get(), secondary, phoneE164, text, code);
            } catch (SmsSendException secondaryFailure) {
                metrics.sent(secondaryId.get(),
                        secondaryFailure instanceof SuspectTrafficRefusal ? SendOutcome.BLOCKED : SendOutcome.FAILED);
                throw secondaryFailure;
            }
            metrics.sent(secondaryId.get(), SendOutcome.SENT);
            return secondaryId.get();
        }
    }

    /** One provider's send, timed; a provider's unexpected exception counts as its failure and goes on up. */
    private void attempt(String providerId, SmsSender sender, String phoneE164, String text, String code)
            throws SmsSendException {
        long start = System.nanoTime();
        try {
            sender.send(phoneE164, text, code);
        } catch (RuntimeException e) {
            metrics.sent(providerId, SendOutcome.FAILED);
            throw e;
        } finally {
            metrics.sendDuration(providerId, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Optional<String> secondaryOf(String providerId) {
        return session.getKeycloakSessionFactory().getProviderFactory(SmsSender.class, providerId)
                instanceof SmsSenderFactory factory ? factory.secondary() : Optional.empty();
    }
}
