package vn.binhduong.keycloak.otp.sender;

/**
 * A provider refused the message as suspect traffic (Twilio's SMS pumping protection, a fraud block): nothing was
 * sent, and {@link SmsDelivery} hands it to no other provider, since the secondary would send exactly what the
 * primary's fraud protection stopped.
 */
public final class SuspectTrafficRefusal extends SmsSendException {

    public SuspectTrafficRefusal(String message) {
        super(message, false);
    }
}
