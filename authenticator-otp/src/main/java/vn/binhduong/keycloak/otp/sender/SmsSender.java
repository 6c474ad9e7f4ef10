package vn.binhduong.keycloak.otp.sender;

import org.keycloak.provider.Provider;

/** Sends one SMS. Looked up through {@code session.getProvider(SmsSender.class[, id])}. */
public interface SmsSender extends Provider {

    /**
     * Hands one message to the gateway, once: an implementation never retries on its own, so a message is never
     * sent twice. Returns only when the gateway accepted the message.
     *
     * @param phoneE164 the receiver in E.164 form ({@code +84…})
     * @throws SmsSendException when the gateway did not accept it, or its answer could not be read
     */
    void send(String phoneE164, String text) throws SmsSendException;

    /**
     * The same, for a gateway that takes the code alone and fills a template registered with the carrier; a
     * provider that sends the whole text keeps this default.
     */
    default void send(String phoneE164, String text, String code) throws SmsSendException {
        send(phoneE164, text);
    }

    @Override
    default void close() {
    }
}
