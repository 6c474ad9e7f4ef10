package vn.binhduong.keycloak.otp.authenticator;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import vn.binhduong.keycloak.otp.challenge.SendBudget;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.Verification;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.VerifyResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.SendResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeView;
import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;
import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;
import vn.binhduong.keycloak.otp.phone.PhoneClaims;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;
import vn.binhduong.keycloak.otp.phone.register.RegisterOtpPhoneActionFactory;

/**
 * Second factor: a code sent by SMS to the user's OTP phone. Stateless; the challenge state lives in the auth
 * session through {@link SmsCodeChallenge}.
 */
public class SmsOtpAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(SmsOtpAuthenticator.class);

    /** The phone registration required action. */
    public static final String REGISTER_PHONE_ACTION = RegisterOtpPhoneActionFactory.PROVIDER_ID;

    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";
    static final String TEMPLATE = "sms-otp.ftl";

    static final String ERROR_SEND_FAILED = "bd_sms_otp_send_failed";
    static final String ERROR_CAP_REACHED = "bd_sms_otp_cap_reached";
    static final String ERROR_NO_PHONE = "bd_sms_otp_no_phone";
    static final String ERROR_LOCKED = "bd_sms_otp_locked";
    static final String DETAIL = "bd_sms_otp";
    /** A random id of the code an entry was compared with (never the code), to count comparisons per code. */
    static final String DETAIL_CODE_ID = "bd_sms_otp_code";
    /** Which of the code's attempt slots the entry took (1 to the cap); absent when it was not compared. */
    static final String DETAIL_ATTEMPT = "bd_sms_otp_attempt";

    private final OtpPhoneLookup phones = new OtpPhoneLookup();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<Step> step = begin(context);
        if (step.isEmpty()) {
            return;
        }
        UserModel user = step.get().user();
        String phone = step.get().phone();
        SmsCodeChallenge challenge = step.get().challenge();
        if (challenge.started()) {
            // A refresh or back/forward: show the page again, send nothing.
            context.challenge(form(context, challenge, phone, null, null));
            return;
        }
        SendResult result = challenge.sendFirst(phone, SendBudget.provenLogin(phone), locale(context, user));
        context.challenge(afterSend(context, challenge, phone, result));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // Before anything, a resend too: neither a closed flow nor a locked account gets an SMS or a comparison.
        Optional<Step> step = begin(context);
        if (step.isEmpty()) {
            return;
        }
        UserModel user = step.get().user();
        String phone = step.get().phone();
        SmsCodeChallenge challenge = step.get().challenge();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey(FIELD_RESEND)) {
            SendResult result = challenge.resend(phone, SendBudget.provenLogin(phone), locale(context, user));
            context.challenge(afterSend(context, challenge, phone, result));
            return;
        }
        Verification verification = challenge.verify(params.getFirst(FIELD_CODE));
        if (verification.codeId() != null) {
            context.getEvent().detail(DETAIL_CODE_ID, verification.codeId());
        }
        if (verification.evaluated()) {
            context.getEvent().detail(DETAIL_ATTEMPT, Integer.toString(verification.attempt()));
        }
        String message = verification.result().errorMessage();
        switch (verification.result()) {
            case VALID -> {
                PhoneClaims.proven(user, phone);
                context.getEvent().detail(DETAIL, "verified");
                context.success();
            }
            case INVALID -> wrongCode(context, challenge, phone, message);
            // The entry that spent the last attempt was compared, and counts like any wrong code; later ones were not.
            case LOCKED -> {
                if (verification.evaluated()) {
                    wrongCode(context, challenge, phone, message);
                } else {
                    context.getEvent().user(user).error(ERROR_LOCKED);
                    context.challenge(form(context, challenge, phone, message, null));
                }
            }
            case EXPIRED -> {
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(form(context, challenge, phone, message, null));
            }
            case NO_CODE -> context.challenge(form(context, challenge, phone, message, null));
        }
    }

    /** The user, the number and the challenge of this request. */
    private record Step(UserModel user, String phone, SmsCodeChallenge challenge) {
    }

    /**
     * The checks every request of this step passes first, in this order: the flow still open, a phone on the
     * account, no lockout. Empty when one of them has already answered the request.
     */
    private Optional<Step> begin(AuthenticationFlowContext context) {
        UserModel user = userOf(context);
        if (!mayGoOn(context)) {
            return Optional.empty();
        }
        Optional<String> phone = phones.find(user);
        if (phone.isEmpty()) {
            noPhone(context, user);
            return Optional.empty();
        }
        SmsCodeChallenge challenge = challenge(context);
        if (lockedOut(context, challenge, phone.get())) {
            return Optional.empty();
        }
        return Optional.of(new Step(user, phone.get(), challenge));
    }

    private void wrongCode(AuthenticationFlowContext context, SmsCodeChallenge challenge, String phone, String message) {
        UserModel user = context.getUser();
        countBruteForceFailure(context, user);
        context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form(context, challenge, phone, message, null));
    }

    /**
     * Whether the flow this step belongs to still allows a second factor; the direct login's variant closes it with
     * the administrators' switch. Having answered false, the step has already set the flow's failure.
     */
    protected boolean mayGoOn(AuthenticationFlowContext context) {
        return true;
    }

    /**
     * As Keycloak's OTP form: an account that brute-force detection locked (or an administrator disabled) since its
     * password passed gets no SMS and no comparison, even of the right code; told in a wrong code's words, so the
     * lock is not announced to whoever is guessing.
     */
    private boolean lockedOut(AuthenticationFlowContext context, SmsCodeChallenge challenge, String phone) {
        UserModel user = context.getUser();
        String error = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (error == null && !user.isEnabled()) {
            error = Errors.USER_DISABLED;
        }
        if (error == null) {
            return false;
        }
        context.getEvent().user(user).error(error);
        context.forceChallenge(form(context, challenge, phone, VerifyResult.INVALID.errorMessage(), null));
        return true;
    }

    /**
     * Keycloak's own count (on a failure challenge) takes only password and TOTP categories; a wrong SMS code is
     * counted here, as a login failure of the user.
     */
    private static void countBruteForceFailure(AuthenticationFlowContext context, UserModel user) {
        if (context.getRealm().isBruteForceProtected()) {
            context.getSession().getProvider(BruteForceProtector.class).failedLogin(context.getRealm(), user,
                    context.getConnection(), context.getUriInfo(), null);
        }
    }

    private Response afterSend(AuthenticationFlowContext context, SmsCodeChallenge challenge, String phone, SendResult result) {
        UserModel user = context.getUser();
        String masked = PhoneNumbers.mask(phone);
        if (result == SendResult.SENT) {
            context.getEvent().detail(DETAIL, "sent");
            return form(context, challenge, phone, null, SmsCodeChallenge.SENT_MESSAGE);
        }
        if (result.capReached()) {
            context.getEvent().clone().user(user).detail(DETAIL, result.name().toLowerCase(Locale.ROOT))
                    .detail("phone", masked).error(ERROR_CAP_REACHED);
        } else if (result == SendResult.GATEWAY_FAILED) {
            LOG.warnf("SMS OTP for user %s to %s not sent: %s", user.getId(), masked, challenge.lastFailureReason());
            context.getEvent().clone().user(user).detail("phone", masked).error(ERROR_SEND_FAILED);
        }
        return form(context, challenge, phone, result.errorMessage(), null);
    }

    private Response form(AuthenticationFlowContext context, SmsCodeChallenge challenge, String phone, String error,
                          String info) {
        var form = context.form().setAttribute(SmsCodeView.ATTRIBUTE, challenge.view(phone));
        if (error != null) {
            form.setError(error);
        } else if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(TEMPLATE);
    }

    /**
     * A user without an OTP phone, as the execution's {@code noPhone} says: through {@link #setRequiredActions} to the
     * phone registration, or refused with our message.
     */
    private void noPhone(AuthenticationFlowContext context, UserModel user) {
        if (new SmsOtpSettings(context.getAuthenticatorConfig()).noPhonePolicy() == NoPhonePolicy.REGISTER_PHONE) {
            setRequiredActions(context.getSession(), context.getRealm(), user);
            context.success();
            return;
        }
        context.getEvent().user(user).error(ERROR_NO_PHONE);
        context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED,
                context.form().setError("bdSmsOtpNoPhone").createErrorPage(Response.Status.BAD_REQUEST));
    }

    private SmsCodeChallenge challenge(AuthenticationFlowContext context) {
        return new SmsCodeChallenge(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                policy(context));
    }

    private static SmsOtpPolicy policy(AuthenticationFlowContext context) {
        return new SmsOtpSettings(context.getAuthenticatorConfig()).policy();
    }

    private static Locale locale(AuthenticationFlowContext context, UserModel user) {
        return context.getSession().getContext().resolveLocale(user);
    }

    /**
     * False although the step needs a user ({@link #userOf} refuses a flow that set none): Keycloak consults
     * {@link #configuredFor} for a step that requires a user and, for a REQUIRED one, either sets the user up or
     * refuses by the factory-wide {@code isUserSetupAllowed}, never seeing the execution's config. The per-execution
     * {@code noPhone} policy is applied in {@link #authenticate} instead, which Keycloak reaches only this way.
     */
    @Override
    public boolean requiresUser() {
        return false;
    }

    /** Whether the user has an OTP phone; "Condition - user configured" and Keycloak's credential views read this. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return phones.find(user).isPresent();
    }

    /** The phone registration, once, for a user this step found without an OTP phone. */
    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user.getRequiredActionsStream().noneMatch(REGISTER_PHONE_ACTION::equals)) {
            user.addRequiredAction(REGISTER_PHONE_ACTION);
        }
    }

    /** The user an earlier step identified; a flow that put this step first fails as Keycloak fails it. */
    private static UserModel userOf(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null) {
            throw new AuthenticationFlowException("sms-otp needs a user identified by an earlier step",
                    AuthenticationFlowError.UNKNOWN_USER);
        }
        return user;
    }

    @Override
    public void close() {
    }
}
