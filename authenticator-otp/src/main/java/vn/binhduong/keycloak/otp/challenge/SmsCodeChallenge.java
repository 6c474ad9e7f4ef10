package vn.binhduong.keycloak.otp.challenge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

import vn.binhduong.keycloak.otp.sender.SmsDelivery;
import vn.binhduong.keycloak.otp.sender.SmsSendException;

/**
 * One SMS code challenge inside an authentication session: send, resend, verify. State lives in auth-session
 * notes (a salted hash of the code, never the code) and the hourly caps in {@link SingleUseObjectProvider}, so it
 * holds across a cluster. Works on the session, realm and auth session only, so the login step, the password
 * reset and a required action can share it.
 */
public final class SmsCodeChallenge {

    static final String NOTE_HASH = "bd.smsotp.hash";
    static final String NOTE_SALT = "bd.smsotp.salt";
    static final String NOTE_EXPIRES = "bd.smsotp.expires";
    static final String NOTE_ATTEMPTS = "bd.smsotp.attempts";
    static final String NOTE_SENT_AT = "bd.smsotp.sentAt";
    static final String NOTE_RESENDS = "bd.smsotp.resends";

    /** Message key of the SMS text: {0} the code, {1} the lifetime in seconds. */
    public static final String SMS_TEXT_KEY = "bdSmsOtpSmsText";

    public enum SendResult { SENT, COOLDOWN, NO_RESENDS_LEFT, PHONE_CAP_REACHED, IP_CAP_REACHED, GATEWAY_FAILED }

    public enum VerifyResult { VALID, INVALID, EXPIRED, LOCKED, NO_CODE }

    /** Hands one code's SMS on; the default sends it at once through {@link SmsDelivery}. */
    @FunctionalInterface
    public interface Dispatch {
        void send(String phoneE164, String text) throws SmsSendException;
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final SmsOtpPolicy policy;
    private final SendCaps caps;
    private final Dispatch dispatch;
    private final SecureRandom random = new SecureRandom();
    private SmsSendException lastFailure;

    public SmsCodeChallenge(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                            SmsOtpPolicy policy) {
        this(session, realm, authSession, policy, new SmsDelivery(session)::send);
    }

    /**
     * With another way out for the SMS, e.g. the password reset's, which sends after the response (so a real
     * account answers as fast as an unknown one) or not at all (for an unknown one).
     */
    public SmsCodeChallenge(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                            SmsOtpPolicy policy, Dispatch dispatch) {
        this.session = session;
        this.realm = realm;
        this.authSession = authSession;
        this.policy = policy;
        this.caps = new SendCaps(session.singleUseObjects());
        this.dispatch = dispatch;
    }

    /** Whether a code was ever sent in this auth session: then only an explicit resend sends again. */
    public boolean started() {
        return authSession.getAuthNote(NOTE_SENT_AT) != null;
    }

    /** The first code of this auth session; does nothing once one was sent (a refresh, back/forward). */
    public SendResult sendFirst(String phoneE164, String clientIp, Locale locale) {
        return started() ? SendResult.SENT : send(phoneE164, clientIp, locale, false);
    }

    /** A new code on the user's request, after the cooldown and within the resend allowance. */
    public SendResult resend(String phoneE164, String clientIp, Locale locale) {
        if (started()) {
            if (cooldownLeftSeconds() > 0) {
                return SendResult.COOLDOWN;
            }
            if (resendsLeft() <= 0) {
                return SendResult.NO_RESENDS_LEFT;
            }
        }
        return send(phoneE164, clientIp, locale, started());
    }

    private SendResult send(String phoneE164, String clientIp, Locale locale, boolean isResend) {
        int now = Time.currentTime();
        if (!caps.allows("phone", phoneE164, policy.phoneHourlyCap(), now)) {
            return SendResult.PHONE_CAP_REACHED;
        }
        if (clientIp != null && !caps.allows("ip", clientIp, policy.ipHourlyCap(), now)) {
            return SendResult.IP_CAP_REACHED;
        }
        String code = new CodeGenerator(random).next(policy.codeLength());
        try {
            dispatch.send(phoneE164, smsText(code, locale));
        } catch (SmsSendException e) {
            // Nothing is written: the old code (if any) stays as it was and no limit counts this attempt.
            lastFailure = e;
            return SendResult.GATEWAY_FAILED;
        }
        caps.record("phone", phoneE164, now);
        if (clientIp != null) {
            caps.record("ip", clientIp, now);
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        authSession.setAuthNote(NOTE_SALT, Base64.getEncoder().encodeToString(salt));
        authSession.setAuthNote(NOTE_HASH, hash(salt, code));
        authSession.setAuthNote(NOTE_EXPIRES, Integer.toString(now + policy.lifetimeSeconds()));
        authSession.setAuthNote(NOTE_ATTEMPTS, "0");
        authSession.setAuthNote(NOTE_SENT_AT, Integer.toString(now));
        if (isResend) {
            authSession.setAuthNote(NOTE_RESENDS, Integer.toString(resendsUsed() + 1));
        }
        return SendResult.SENT;
    }

    /** Why the last send failed (for a log line; holds no phone number or text). */
    public String lastFailureReason() {
        return lastFailure == null ? null : lastFailure.getMessage();
    }

    public VerifyResult verify(String entered) {
        String storedHash = authSession.getAuthNote(NOTE_HASH);
        if (storedHash == null) {
            return VerifyResult.NO_CODE;
        }
        if (Time.currentTime() >= intNote(NOTE_EXPIRES)) {
            forgetCode();
            return VerifyResult.EXPIRED;
        }
        byte[] salt = Base64.getDecoder().decode(authSession.getAuthNote(NOTE_SALT));
        String candidate = entered == null ? "" : entered.replaceAll("\\s", "");
        boolean match = MessageDigest.isEqual(hash(salt, candidate).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
        if (match) {
            clear();
            return VerifyResult.VALID;
        }
        int attempts = intNote(NOTE_ATTEMPTS) + 1;
        if (attempts >= policy.maxAttempts()) {
            forgetCode();
            return VerifyResult.LOCKED;
        }
        authSession.setAuthNote(NOTE_ATTEMPTS, Integer.toString(attempts));
        return VerifyResult.INVALID;
    }

    /** Seconds the current code stays valid; 0 when there is none. */
    public int secondsLeft() {
        return authSession.getAuthNote(NOTE_HASH) == null ? 0
                : Math.max(0, intNote(NOTE_EXPIRES) - Time.currentTime());
    }

    public int cooldownLeftSeconds() {
        return started() ? Math.max(0, intNote(NOTE_SENT_AT) + policy.resendCooldownSeconds() - Time.currentTime()) : 0;
    }

    public int resendsLeft() {
        return Math.max(0, policy.maxResends() - resendsUsed());
    }

    /** Removes every note of this challenge (after success, or when the flow is abandoned). */
    public void clear() {
        forgetCode();
        authSession.removeAuthNote(NOTE_SENT_AT);
        authSession.removeAuthNote(NOTE_RESENDS);
    }

    private void forgetCode() {
        authSession.removeAuthNote(NOTE_HASH);
        authSession.removeAuthNote(NOTE_SALT);
        authSession.removeAuthNote(NOTE_EXPIRES);
        authSession.removeAuthNote(NOTE_ATTEMPTS);
    }

    private int resendsUsed() {
        return intNote(NOTE_RESENDS);
    }

    private int intNote(String note) {
        String value = authSession.getAuthNote(note);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private String smsText(String code, Locale locale) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme.getEnhancedMessages(realm, locale);
            String pattern = messages.getProperty(SMS_TEXT_KEY);
            if (pattern == null) {
                throw new IllegalStateException("message " + SMS_TEXT_KEY + " missing from the login theme");
            }
            return new MessageFormat(pattern, locale).format(new Object[] {code, Integer.toString(policy.lifetimeSeconds())});
        } catch (IOException e) {
            throw new IllegalStateException("login theme messages not readable", e);
        }
    }

    static String hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return Base64.getEncoder().encodeToString(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
