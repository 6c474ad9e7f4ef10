package vn.binhduong.keycloak.otp.authenticator;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.SendResult;
import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;
import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;
import vn.binhduong.keycloak.otp.phone.PhoneNumbers;
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

    private final OtpPhoneLookup phones = new OtpPhoneLookup();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<String> phone = phones.find(user);
        if (phone.isEmpty()) {
            noPhone(context, user);
            return;
        }
        SmsCodeChallenge challenge = challenge(context);
        if (challenge.started()) {
            // A refresh or back/forward: show the page again, send nothing.
            context.challenge(form(context, challenge, phone.get(), null, null));
            return;
        }
        SendResult result = challenge.sendFirst(phone.get(), clientIp(context), locale(context, user));
        context.challenge(afterSend(context, challenge, phone.get(), result));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<String> phone = phones.find(user);
        if (phone.isEmpty()) {
            noPhone(context, user);
            return;
        }
        SmsCodeChallenge challenge = challenge(context);
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey(FIELD_RESEND)) {
            SendResult result = challenge.resend(phone.get(), clientIp(context), locale(context, user));
            context.challenge(afterSend(context, challenge, phone.get(), result));
            return;
        }
        switch (challenge.verify(params.getFirst(FIELD_CODE))) {
            case VALID -> {
                context.getEvent().detail(DETAIL, "verified");
                context.success();
            }
            case INVALID -> {
                countBruteForceFailure(context, user);
                context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        form(context, challenge, phone.get(), "bdSmsOtpInvalid", null));
            }
            case LOCKED -> {
                countBruteForceFailure(context, user);
                context.getEvent().user(user).error(ERROR_LOCKED);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        form(context, challenge, phone.get(), "bdSmsOtpLocked", null));
            }
            case EXPIRED -> {
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(form(context, challenge, phone.get(), "bdSmsOtpExpired", null));
            }
            case NO_CODE -> context.challenge(form(context, challenge, phone.get(), "bdSmsOtpNoCode", null));
        }
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
        switch (result) {
            case SENT:
                context.getEvent().detail(DETAIL, "sent");
                return form(context, challenge, phone, null, "bdSmsOtpSent");
            case COOLDOWN:
                return form(context, challenge, phone, "bdSmsOtpCooldown", null);
            case NO_RESENDS_LEFT:
                return form(context, challenge, phone, "bdSmsOtpNoResendsLeft", null);
            case PHONE_CAP_REACHED:
            case IP_CAP_REACHED:
                context.getEvent().clone().user(user).detail(DETAIL, result.name().toLowerCase(Locale.ROOT))
                        .detail("phone", masked).error(ERROR_CAP_REACHED);
                return form(context, challenge, phone, "bdSmsOtpCapReached", null);
            case GATEWAY_FAILED:
            default:
                LOG.warnf("SMS OTP for user %s to %s not sent: %s", user.getId(), masked, challenge.lastFailureReason());
                context.getEvent().clone().user(user).detail("phone", masked).error(ERROR_SEND_FAILED);
                return form(context, challenge, phone, "bdSmsOtpSendFailed", null);
        }
    }

    private Response form(AuthenticationFlowContext context, SmsCodeChallenge challenge, String phone, String error,
                          String info) {
        var form = context.form()
                .setAttribute("bdSmsOtpPhone", PhoneNumbers.mask(phone))
                .setAttribute("bdSmsOtpSecondsLeft", challenge.secondsLeft())
                .setAttribute("bdSmsOtpCooldown", challenge.cooldownLeftSeconds())
                .setAttribute("bdSmsOtpResendsLeft", challenge.resendsLeft())
                .setAttribute("bdSmsOtpStarted", challenge.started())
                .setAttribute("bdSmsOtpCodeLength", policy(context).codeLength());
        if (error != null) {
            form.setError(error);
        } else if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(TEMPLATE);
    }

    private void noPhone(AuthenticationFlowContext context, UserModel user) {
        if (new SmsOtpSettings(context.getAuthenticatorConfig()).noPhonePolicy() == NoPhonePolicy.REGISTER_PHONE) {
            user.addRequiredAction(REGISTER_PHONE_ACTION);
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

    private static String clientIp(AuthenticationFlowContext context) {
        return context.getConnection().getRemoteAddr();
    }

    private static Locale locale(AuthenticationFlowContext context, UserModel user) {
        return context.getSession().getContext().resolveLocale(user);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Always true: a missing phone is handled in the step itself, as its execution's config says. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
