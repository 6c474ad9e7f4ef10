package vn.binhduong.keycloak.reset;

import java.util.concurrent.ExecutorService;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;
import vn.binhduong.keycloak.otp.sender.SmsDelivery;
import vn.binhduong.keycloak.otp.sender.SmsSendException;

/**
 * The reset's way out for a real account's SMS: handed to Keycloak's executor once the request's transaction has
 * committed, and sent from there in a session of its own. The page an unknown ID gets is rendered without any
 * gateway call, so a synchronous send would make a real account's answer slower by the gateway's latency (50 ms
 * to the 5 s timeout), which tells an attacker the account exists. Sent after the response, both answers cost the
 * same work. The price: a gateway failure cannot show on that page; it is logged and recorded as an event, and the
 * official presses "Gửi lại" once the cooldown ends, as for an SMS lost on the way.
 */
final class AfterResponseSms implements SmsCodeChallenge.Dispatch {

    private static final Logger LOG = Logger.getLogger(AfterResponseSms.class);
    static final String EXECUTOR = "bd-reset-sms";

    private final KeycloakSession session;
    private final String realmId;
    private final String userId;
    private final String clientId;
    private final String ipAddress;

    AfterResponseSms(KeycloakSession session, RealmModel realm, String userId, String clientId, String ipAddress) {
        this.session = session;
        this.realmId = realm.getId();
        this.userId = userId;
        this.clientId = clientId;
        this.ipAddress = ipAddress;
    }

    @Override
    public void send(String phoneE164, String text, String code) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.execute(() -> KeycloakModelUtils.runJobInTransaction(factory, background ->
                        deliver(background, phoneE164, text, code)));
            }

            @Override
            protected void rollbackImpl() {
                // The code's notes were not stored either: nothing to send.
            }
        });
    }

    private void deliver(KeycloakSession background, String phoneE164, String text, String code) {
        RealmModel realm = background.realms().getRealm(realmId);
        background.getContext().setRealm(realm);
        String masked = PhoneNumbers.mask(phoneE164);
        EventBuilder event = new EventBuilder(realm, background).event(EventType.SEND_RESET_PASSWORD)
                .user(userId).client(clientId).ipAddress(ipAddress)
                .detail(ResetEvents.STEP, ResetEvents.STEP_CODE_SENT).detail(ResetEvents.PHONE, masked);
        try {
            String provider = new SmsDelivery(background).send(phoneE164, text, code);
            event.detail(ResetEvents.SMS_PROVIDER, provider).success();
        } catch (SmsSendException e) {
            LOG.warnf("Password reset SMS for user %s to %s not sent: %s", userId, masked, e.getMessage());
            event.detail(Details.REASON, e.getMessage()).error(ResetEvents.ERROR_SEND_FAILED);
        } catch (RuntimeException e) {
            // The class name only: a provider's message or stack could quote the request, and with it the phone.
            LOG.errorf("Password reset SMS for user %s to %s not sent: %s", userId, masked, e.getClass().getName());
            event.detail(Details.REASON, e.getClass().getSimpleName()).error(ResetEvents.ERROR_SEND_FAILED);
        }
    }
}
