package vn.binhduong.keycloak.otp.sender.twilio;

import java.io.IOException;
import java.util.Set;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import vn.binhduong.keycloak.otp.sender.GatewayHttp;
import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SmsSender;
import vn.binhduong.keycloak.otp.sender.SuspectTrafficRefusal;

/**
 * Twilio's Messages API through the Twilio Java SDK, one attempt per message. Takes plain values (the auth
 * token already read from the vault), so it runs without a Keycloak session.
 */
final class TwilioSmsSender implements SmsSender {

    /** SMS Pumping Protection (30450) and Fraud Guard (60410): another gateway must not send what these stopped. */
    static final Set<Integer> SUSPECT_TRAFFIC_ERRORS = Set.of(30450, 60410);

    private final TwilioConfig config;
    private final String authToken;
    private final GatewayHttp http;

    TwilioSmsSender(TwilioConfig config, String authToken, GatewayHttp http) {
        this.config = config;
        this.authToken = authToken;
        this.http = http;
    }

    @Override
    public void send(String phoneE164, String text) throws SmsSendException {
        SingleShotTwilioHttpClient transport = new SingleShotTwilioHttpClient(config.apiBase(), http);
        TwilioRestClient client = new TwilioRestClient.Builder(config.accountSid(), authToken).httpClient(transport).build();
        MessageCreator creator = config.messagingServiceSid() != null
                ? Message.creator(new PhoneNumber(phoneE164), config.messagingServiceSid(), text)
                : Message.creator(new PhoneNumber(phoneE164), new PhoneNumber(config.from()), text);
        Message message;
        try {
            message = creator.create(client);
        } catch (TwilioException e) {
            throw failure(e, transport.answeredStatus());
        }
        if (message.getStatus() == Message.Status.FAILED || message.getStatus() == Message.Status.UNDELIVERED) {
            if (message.getErrorCode() != null && SUSPECT_TRAFFIC_ERRORS.contains(message.getErrorCode())) {
                throw new SuspectTrafficRefusal("Twilio blocked the message as suspect traffic (Twilio error "
                        + message.getErrorCode() + ")");
            }
            throw new SmsSendException("Twilio did not queue the message (status " + message.getStatus() + ")", false);
        }
    }

    /**
     * Whether Twilio may have queued the message decides failover: an error status means it did not; a 2xx it
     * could not read, or a request that left without an answer, means it may have. Twilio's own error text is
     * left out (it quotes the phone number), only its numeric code is kept.
     */
    private static SmsSendException failure(TwilioException e, Integer status) {
        if (e instanceof ApiException api && api.getCode() != null && SUSPECT_TRAFFIC_ERRORS.contains(api.getCode())) {
            return new SuspectTrafficRefusal("Twilio blocked the message as suspect traffic (HTTP " + status
                    + ", Twilio error " + api.getCode() + ")");
        }
        if (status != null) {
            boolean accepted = status / 100 == 2;
            String twilioCode = e instanceof ApiException api && api.getCode() != null ? ", Twilio error " + api.getCode() : "";
            return new SmsSendException(accepted ? "Twilio answer unreadable (HTTP " + status + ")"
                    : "Twilio refused the message (HTTP " + status + twilioCode + ")", accepted);
        }
        Throwable cause = e.getCause();
        if (cause instanceof IOException io && GatewayHttp.neverReachedGateway(io)) {
            return new SmsSendException("Twilio not reachable (" + cause.getClass().getSimpleName() + ")", false, e);
        }
        if (cause instanceof IOException io && GatewayHttp.answerTimedOut(io)) {
            return new SmsSendException("Twilio did not answer in time", true, e);
        }
        return new SmsSendException("Twilio request failed (" + e.getClass().getSimpleName()
                + (cause == null ? "" : ", " + cause.getClass().getSimpleName()) + ")", true, e);
    }
}
