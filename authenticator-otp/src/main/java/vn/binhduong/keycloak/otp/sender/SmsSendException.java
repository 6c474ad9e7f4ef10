package vn.binhduong.keycloak.otp.sender;

/**
 * A send that did not surely reach the gateway's queue. {@link #mayHaveBeenDelivered()} tells whether the gateway
 * might still deliver it (a timeout, an unreadable answer): failover must not send such a message again.
 * The message never holds the phone number or the text.
 */
public class SmsSendException extends Exception {

    private final boolean mayHaveBeenDelivered;

    public SmsSendException(String message, boolean mayHaveBeenDelivered, Throwable cause) {
        super(message, cause);
        this.mayHaveBeenDelivered = mayHaveBeenDelivered;
    }

    public SmsSendException(String message, boolean mayHaveBeenDelivered) {
        this(message, mayHaveBeenDelivered, null);
    }

    public boolean mayHaveBeenDelivered() {
        return mayHaveBeenDelivered;
    }
}
