package vn.binhduong.keycloak.reset;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import vn.binhduong.keycloak.otp.authenticator.SmsOtpSettings;
import vn.binhduong.keycloak.otp.challenge.SendBudget;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.SendResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeChallenge.VerifyResult;
import vn.binhduong.keycloak.otp.challenge.SmsCodeView;
import vn.binhduong.keycloak.otp.challenge.SmsOtpPolicy;
import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;

/**
 * Step 2 of the reset: the SMS code, with the SMS OTP step's rules through its {@link SmsCodeChallenge}; the user is
 * set only once the code passed. An account that step 1 did not retain runs the very same challenge (code, lifetime, attempts, cooldown, resends, caps)
 * with an SMS that goes nowhere, and no code it is given ever passes; so both get the same page, the same
 * messages, in the same time. Neither page shows a phone number.
 */
public class ResetSmsCodeAuthenticator implements Authenticator {

    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";
    static final String TEMPLATE = "bd-reset-code.ftl";
    /** Set once the code passed; the password step refuses to run without it. */
    static final String NOTE_CODE_VERIFIED = "bd.reset.codeVerified";
    /** Longer than any code a form could hold: refused before it is compared. */
    static final int MAX_CODE_INPUT = 32;

    private final OtpPhoneLookup phones = new OtpPhoneLookup();

    /**
     * Who the code is for: a user and phone, or (user and phone null) the ID number of an account that gets nothing;
     * and whose allowance it spends.
     */
    private record Target(UserModel user, String phone, SendBudget budget) {
        boolean decoy() {
            return user == null;
        }
    }

    private Target target(AuthenticationFlowContext context) {
        String accountId = context.getAuthenticationSession().getAuthNote(ResetIdNumberAuthenticator.NOTE_ACCOUNT);
        UserModel user = accountId == null ? null : context.getSession().users().getUserById(context.getRealm(), accountId);
        Optional<String> phone = user == null || !user.isEnabled() ? Optional.empty() : phones.find(user);
        // Counted per typed ID number in the anonymous budget, for a real account and an unknown one alike: the caps
        // answer the same for both, and resets cannot use up the codes of the account's logins.
        String id = context.getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        SendBudget budget = SendBudget.anonymous("id", id, clientIp(context));
        return phone.isPresent() ? new Target(user, phone.get(), budget) : new Target(null, null, budget);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Target target = target(context);
        SmsCodeChallenge challenge = challenge(context, target);
        if (challenge.started()) {
            // A refresh or back/forward: show the page again, send nothing.
            context.challenge(form(context, challenge, null));
            return;
        }
        SendResult result = challenge.sendFirst(target.phone(), target.budget(), locale(context, target));
        context.challenge(afterSend(context, challenge, target, result));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Target target = target(context);
        SmsCodeChallenge challenge = challenge(context, target);
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey(FIELD_RESEND)) {
            SendResult result = challenge.resend(target.phone(), target.budget(), locale(context, target));
            context.challenge(afterSend(context, challenge, target, result));
            return;
        }
        EventBuilder event = context.getEvent().detail(ResetEvents.STEP, ResetEvents.STEP_CODE).user(target.user());
        String code = params.getFirst(FIELD_CODE);
        if (code == null || code.isBlank()) {
            context.challenge(form(context, challenge, "bdResetCodeMissing"));
            return;
        }
        if (code.length() > MAX_CODE_INPUT) {
            event.error(ResetEvents.ERROR_FIELD_TOO_LONG);
            context.challenge(form(context, challenge, "bdResetCodeTooLong"));
            return;
        }
        VerifyResult result = challenge.verify(code).result();
        if (result == VerifyResult.VALID && (target.decoy() || lockedOut(context, target.user()))) {
            // No code can open an account that gets nothing; a locked-out account is refused in a wrong code's words.
            result = VerifyResult.INVALID;
        }
        switch (result) {
            case VALID -> {
                context.setUser(target.user());
                context.getAuthenticationSession().setAuthNote(NOTE_CODE_VERIFIED, "true");
                event.clone().success();
                context.success();
            }
            case INVALID -> {
                // A failure challenge: Keycloak counts it for the user's brute-force protection (no category is
                // declared), and for no one when there is no user.
                event.error(Errors.INVALID_CODE);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form(context, challenge, result.errorMessage()));
            }
            case LOCKED -> {
                event.error(ResetEvents.ERROR_CODE_LOCKED);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form(context, challenge, result.errorMessage()));
            }
            case EXPIRED -> {
                event.error(Errors.EXPIRED_CODE);
                context.challenge(form(context, challenge, result.errorMessage()));
            }
            case NO_CODE -> {
                event.error(Errors.INVALID_CODE);
                context.challenge(form(context, challenge, result.errorMessage()));
            }
        }
    }

    private static boolean lockedOut(AuthenticationFlowContext context, UserModel user) {
        return AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null;
    }

    private Response afterSend(AuthenticationFlowContext context, SmsCodeChallenge challenge, Target target, SendResult result) {
        EventBuilder event = context.getEvent().clone().detail(ResetEvents.STEP, ResetEvents.STEP_CODE_SENT).user(target.user());
        if (result.capReached()) {
            event.detail("cap", result.name().toLowerCase(Locale.ROOT)).error(ResetEvents.ERROR_CAP_REACHED);
        } else if (result == SendResult.GATEWAY_FAILED) {
            // Neither way out fails on the spot: a real account's gateway failure shows in AfterResponseSms' event.
            event.error(ResetEvents.ERROR_SEND_FAILED);
        }
        // SENT shows no notice: for a real account the SMS leaves after this response (AfterResponseSms records
        // its event), and an unknown one gets none.
        return form(context, challenge, result.errorMessage());
    }

    /**
     * The page carries nothing of the account: no phone, and no user is set yet (see step 1), so neither the header
     * nor the language an official once chose tells a real account from an unknown one.
     */
    private static Response form(AuthenticationFlowContext context, SmsCodeChallenge challenge, String error) {
        // No phone in the view: the page is the same for every ID number.
        var form = context.form().setAttribute(SmsCodeView.ATTRIBUTE, challenge.view(null));
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private SmsCodeChallenge challenge(AuthenticationFlowContext context, Target target) {
        SmsCodeChallenge.Dispatch dispatch = target.decoy()
                ? (phone, text, code) -> { /* an account that gets nothing: the text is made, then dropped */ }
                : new AfterResponseSms(context.getSession(), context.getRealm(), target.user().getId(),
                        context.getAuthenticationSession().getClient().getClientId(), clientIp(context));
        return new SmsCodeChallenge(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                policy(context), dispatch);
    }

    private static SmsOtpPolicy policy(AuthenticationFlowContext context) {
        return new SmsOtpSettings(context.getAuthenticatorConfig()).policy();
    }

    private static String clientIp(AuthenticationFlowContext context) {
        return context.getConnection().getRemoteAddr();
    }

    /** The SMS is written in the official's language; an unknown ID's text, never sent, in the request's. */
    private static Locale locale(AuthenticationFlowContext context, Target target) {
        return context.getSession().getContext().resolveLocale(target.user());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

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
