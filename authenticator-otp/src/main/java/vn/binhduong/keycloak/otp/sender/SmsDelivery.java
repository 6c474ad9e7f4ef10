package vn.binhduong.keycloak.otp.sender;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * Sends through the server's configured {@code sms-sender} provider and, when that one surely did not take the
 * message, once through its {@code secondary}. A message that may have reached the primary is never sent again.
 */
public final class SmsDelivery {

    private static final Logger LOG = Logger.getLogger(SmsDelivery.class);

    private final KeycloakSession session;

    public SmsDelivery(KeycloakSession session) {
        this.session = session;
    }

    /** Returns the id of the provider that accepted the message. */
    public String send(String phoneE164, String text) throws SmsSendException {
        SmsSender primary = session.getProvider(SmsSender.class);
        if (primary == null) {
            throw new SmsSendException("no sms-sender provider is configured", false);
        }
        String primaryId = session.getKeycloakSessionFactory().getProviderFactory(SmsSender.class).getId();
        try {
            primary.send(phoneE164, text);
            return primaryId;
        } catch (SmsSendException primaryFailure) {
            Optional<String> secondaryId = secondaryOf(primaryId);
            if (primaryFailure.mayHaveBeenDelivered() || secondaryId.isEmpty()) {
                throw primaryFailure;
            }
            LOG.warnf("SMS provider %s failed (%s); failing over to %s", primaryId, primaryFailure.getMessage(),
                    secondaryId.get());
            SmsSender secondary = session.getProvider(SmsSender.class, secondaryId.get());
            if (secondary == null) {
                throw new SmsSendException("secondary sms-sender " + secondaryId.get() + " is not available", false,
                        primaryFailure);
            }
            secondary.send(phoneE164, text);
            return secondaryId.get();
        }
    }

    private Optional<String> secondaryOf(String providerId) {
        return session.getKeycloakSessionFactory().getProviderFactory(SmsSender.class, providerId)
                instanceof SmsSenderFactory factory ? factory.secondary() : Optional.empty();
    }
}
