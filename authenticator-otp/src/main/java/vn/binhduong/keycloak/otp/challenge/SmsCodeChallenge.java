package vn.binhduong.keycloak.otp.challenge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

import vn.binhduong.keycloak.otp.metrics.SmsMetrics;
import vn.binhduong.keycloak.otp.metrics.SmsMetrics.Cap;
import vn.binhduong.keycloak.otp.metrics.SmsMetrics.CodeOutcome;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;
import vn.binhduong.keycloak.otp.sender.SmsDelivery;
import vn.binhduong.keycloak.otp.sender.SmsSendException;

/**
 * One SMS code challenge inside an authentication session: send, resend, verify. State lives in auth-session
 * notes (a salted hash of the code, never the code); what must hold under concurrent requests on any node (the
 * hourly caps, the wrong-entry cap of each code) is claimed in {@link SingleUseObjectProvider} with
 * {@code putIfAbsent}. Works on the session, realm and auth session only, so the login step, the password reset
 * and a required action can share it.
 */
public final class SmsCodeChallenge {

    static final String NOTE_HASH = "bd.smsotp.hash";
    static final String NOTE_SALT = "bd.smsotp.salt";
    static final String NOTE_EXPIRES = "bd.smsotp.expires";
    static final String NOTE_ATTEMPTS = "bd.smsotp.attempts";
    static final String NOTE_SENT_AT = "bd.smsotp.sentAt";
    static final String NOTE_RESENDS = "bd.smsotp.resends";
    /** A random id of the current code: names its attempt slots and shows in events (never the code). */
    static final String NOTE_CODE_ID = "bd.smsotp.codeId";
    private static final String ATTEMPT_PREFIX = "bd-sms-try:";
    private static final String USED_PREFIX = "bd-sms-used:";

    /** Message key of the SMS text ({0} the code, {1} the lifetime in seconds), in the {@link SmsTextLocale}. */
    public static final String SMS_TEXT_KEY = "bdSmsOtpSmsText";

    /** Message key of the notice that a code was sent. */
    public static final String SENT_MESSAGE = "bdSmsOtpSent";

    /** What a send came to, with the message every SMS code page shows for it. */
    public enum SendResult {
        SENT(null),
        COOLDOWN("bdSmsOtpCooldown"),
        NO_RESENDS_LEFT("bdSmsOtpNoResendsLeft"),
        PHONE_CAP_REACHED("bdSmsOtpCapReached"),
        IP_CAP_REACHED("bdSmsOtpCapReached"),
        GATEWAY_FAILED("bdSmsOtpSendFailed");

        private final String errorMessage;

        SendResult(String errorMessage) {
            this.errorMessage = errorMessage;
        }

        /** The error message key; null for {@link #SENT}. */
        public String errorMessage() {
            return errorMessage;
        }

        /** A refusal by the caps (hourly per subject or per IP), which is worth an event. */
        public boolean capReached() {
            return this == PHONE_CAP_REACHED || this == IP_CAP_REACHED;
        }
    }

    /** What an entry came to, with the message every SMS code page shows for it. */
    public enum VerifyResult {
        VALID(null),
        INVALID("bdSmsOtpInvalid"),
        EXPIRED("bdSmsOtpExpired"),
        LOCKED("bdSmsOtpLocked"),
        NO_CODE("bdSmsOtpNoCode");

        private final String errorMessage;

        VerifyResult(String errorMessage) {
            this.errorMessage = errorMessage;
        }

        /** The error message key; null for {@link #VALID}. */
        public String errorMessage() {
            return errorMessage;
        }
    }

    /**
     * What one entry came to. {@code attempt} is the slot it claimed (1 to the cap) when the code was compared, 0
     * when it was not (no code, expired, or the cap already spent, which {@link VerifyResult#LOCKED} then means).
     */
    public record Verification(VerifyResult result, String codeId, int attempt) {
        public boolean evaluated() {
            return attempt > 0;
        }
    }

    /** Hands one code's SMS on (its text, and the code for template gateways); the default sends it at once through {@link SmsDelivery}. */
    @FunctionalInterface
    public interface Dispatch {
        void send(String phoneE164, String text, String code) throws SmsSendException;
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final SmsOtpPolicy policy;
    private final SendCaps caps;
    private final Dispatch dispatch;
    private final SmsMetrics metrics = new SmsMetrics();
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
    public SendResult sendFirst(String phoneE164, SendBudget budget, Locale locale) {
        return started() ? SendResult.SENT : send(phoneE164, budget, locale, false);
    }

    /** A new code on the user's request, after the cooldown and within the resend allowance. */
    public SendResult resend(String phoneE164, SendBudget budget, Locale locale) {
        if (started()) {
            if (cooldownLeftSeconds() > 0) {
                metrics.refused(Cap.RESEND_COOLDOWN, budget.scope());
                return SendResult.COOLDOWN;
            }
            if (resendsLeft() <= 0) {
                metrics.refused(Cap.RESENDS_PER_LOGIN, budget.scope());
                return SendResult.NO_RESENDS_LEFT;
            }
        }
        return send(phoneE164, budget, locale, started());
    }

    private SendResult send(String phoneE164, SendBudget budget, Locale locale, boolean isResend) {
        int now = Time.currentTime();
        Optional<SendCaps.Claim> subjectSlot = caps.claim(budget.scope(), budget.subject(), policy.phoneHourlyCap(), now);
        if (subjectSlot.isEmpty()) {
            metrics.refused(Cap.PHONE_HOURLY, budget.scope());
            return SendResult.PHONE_CAP_REACHED;
        }
        Optional<SendCaps.Claim> ipSlot = Optional.empty();
        if (budget.clientIp() != null) {
            ipSlot = caps.claim("ip", budget.clientIp(), policy.ipHourlyCap(), now);
            if (ipSlot.isEmpty()) {
                caps.release(subjectSlot.get());
                metrics.refused(Cap.IP_HOURLY, budget.scope());
                return SendResult.IP_CAP_REACHED;
            }
        }
        // Uniform over the digits, leading zeros kept.
        String code = SecretGenerator.getInstance().randomString(policy.codeLength(), SecretGenerator.DIGITS);
        try {
            dispatch.send(phoneE164, smsText(code, locale), code);
        } catch (SmsSendException e) {
            // No code is written: the old one (if any) stays as it was, and no cap counts this attempt.
            lastFailure = e;
            caps.release(subjectSlot.get());
            ipSlot.ifPresent(caps::release);
            return SendResult.GATEWAY_FAILED;
        }
        SecretGenerator secrets = SecretGenerator.getInstance();
        authSession.setAuthNote(NOTE_CODE_ID, HexFormat.of().formatHex(secrets.randomBytes(12)));
        byte[] salt = secrets.randomBytes(16);
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

    /**
     * Compares an entry with the current code. Each comparison first claims one of the code's attempt slots in the
     * cluster-wide store, so however many requests race on however many nodes, no code is compared more often than
     * the cap allows; an entry that finds no slot left voids the code uncompared.
     */
    public Verification verify(String entered) {
        String storedHash = authSession.getAuthNote(NOTE_HASH);
        String codeId = authSession.getAuthNote(NOTE_CODE_ID);
        if (storedHash == null || codeId == null) {
            return new Verification(VerifyResult.NO_CODE, null, 0);
        }
        int expires = intNote(NOTE_EXPIRES);
        int now = Time.currentTime();
        if (now >= expires) {
            forgetCode();
            metrics.verified(CodeOutcome.EXPIRED);
            return new Verification(VerifyResult.EXPIRED, codeId, 0);
        }
        int attempt = claimAttempt(codeId, expires - now);
        if (attempt == 0) {
            forgetCode();
            metrics.verified(CodeOutcome.VOIDED);
            return new Verification(VerifyResult.LOCKED, codeId, 0);
        }
        byte[] salt = Base64.getDecoder().decode(authSession.getAuthNote(NOTE_SALT));
        String candidate = entered == null ? "" : entered.replaceAll("\\s", "");
        boolean match = MessageDigest.isEqual(hash(salt, candidate).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
        // A right code opens once: a second request carrying it, racing the first, finds it used.
        if (match && session.singleUseObjects().putIfAbsent(USED_PREFIX + codeId, expires - now + 60)) {
            clear();
            metrics.verified(CodeOutcome.VALID);
            return new Verification(VerifyResult.VALID, codeId, attempt);
        }
        if (attempt >= policy.maxAttempts()) {
            forgetCode();
            metrics.verified(CodeOutcome.VOIDED);
            return new Verification(VerifyResult.LOCKED, codeId, attempt);
        }
        authSession.setAuthNote(NOTE_ATTEMPTS, Integer.toString(attempt));
        metrics.verified(CodeOutcome.WRONG);
        return new Verification(VerifyResult.INVALID, codeId, attempt);
    }

    /** The first free attempt slot of this code (1 to the cap), or 0 when all are spent. */
    private int claimAttempt(String codeId, int secondsLeft) {
        var store = session.singleUseObjects();
        for (int slot = Math.max(1, intNote(NOTE_ATTEMPTS) + 1); slot <= policy.maxAttempts(); slot++) {
            if (store.putIfAbsent(ATTEMPT_PREFIX + codeId + ":" + slot, secondsLeft + 60L)) {
                return slot;
            }
        }
        return 0;
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

    /** The page's view of this challenge; {@code phoneE164} is shown masked, or not at all when null. */
    public SmsCodeView view(String phoneE164) {
        return new SmsCodeView(phoneE164 == null ? null : PhoneNumbers.mask(phoneE164), secondsLeft(),
                cooldownLeftSeconds(), resendsLeft(), started(), policy.codeLength());
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
        authSession.removeAuthNote(NOTE_CODE_ID);
    }

    private int resendsUsed() {
        return intNote(NOTE_RESENDS);
    }

    private int intNote(String note) {
        String value = authSession.getAuthNote(note);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private String smsText(String code, Locale userLocale) {
        Locale locale = SmsTextLocale.choose(realm, userLocale);
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
