package vn.binhduong.keycloak.otp.sender.twilio;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.keycloak.models.KeycloakSession;

import vn.binhduong.keycloak.otp.sender.SecretOption;
import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SmsSender;

/** Twilio's Messages API through the Twilio Java SDK. */
final class TwilioSmsSender implements SmsSender {

    private final KeycloakSession session;
    private final TwilioConfig config;
    private final SingleShotTwilioHttpClient transport;

    TwilioSmsSender(KeycloakSession session, TwilioConfig config, SingleShotTwilioHttpClient transport) {
        this.session = session;
        this.config = config;
        this.transport = transport;
    }

    @Override
    public void send(String phoneE164, String text) throws SmsSendException {
        TwilioRestClient client = new TwilioRestClient.Builder(config.accountSid(),
                SecretOption.resolve(session, config.authToken())).accountSid(config.accountSid()).httpClient(transport).build();
        MessageCreator creator = config.messagingServiceSid() != null
                ? Message.creator(new PhoneNumber(phoneE164), config.messagingServiceSid(), text)
                : Message.creator(new PhoneNumber(phoneE164), new PhoneNumber(config.from()), text);
        try {
            Message message = creator.create(client);
            if (message.getStatus() == Message.Status.FAILED || message.getStatus() == Message.Status.UNDELIVERED) {
                throw new SmsSendException("Twilio refused the message (status " + message.getStatus() + ")", false);
            }
        } catch (ApiException e) {
            // Twilio answered with an error: the message was not queued.
            throw new SmsSendException("Twilio refused the message: HTTP " + e.getStatusCode() + " code " + e.getCode(), false, e);
        } catch (ApiConnectionException e) {
            boolean surelyNotSent = e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException;
            throw new SmsSendException(e.getMessage(), !surelyNotSent, e);
        } catch (TwilioException e) {
            throw new SmsSendException("Twilio answer unreadable: " + e.getClass().getSimpleName(), true, e);
        }
    }
}
