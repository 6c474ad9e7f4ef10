package vn.binhduong.keycloak.reset;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.binhduong.keycloak.captcha.Captcha;
import vn.binhduong.keycloak.identifiers.IdNumber;
import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;

/**
 * Step 1 of the reset: the official's ID number and the captcha. Like Keycloak's {@code ResetCredentialChooseUser},
 * an account that cannot be reset (unknown, disabled, locked by brute-force protection, or without an OTP phone)
 * goes on to the next step, which shows it the same page as a real account; only the event and the auth note
 * {@value #NOTE_ACCOUNT} (never shown) tell them apart. Bad input gets its message and looks nothing up.
 */
public class ResetIdNumberAuthenticator implements Authenticator {

    static final String FIELD_ID = "username";
    static final String TEMPLATE = "bd-reset-id.ftl";
    /** The id of the account a code may be sent to; absent for one that gets nothing. */
    static final String NOTE_ACCOUNT = "bd.reset.account";

    private final OtpPhoneLookup phones = new OtpPhoneLookup();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(form(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String typed = params.getFirst(FIELD_ID);
        IdNumber id = IdNumber.parse(typed);
        EventBuilder event = context.getEvent().detail(ResetEvents.STEP, ResetEvents.STEP_ACCOUNT);
        if (!id.valid()) {
            event.error(id.verdict() == IdNumber.Verdict.MISSING ? Errors.USERNAME_MISSING : ResetEvents.ERROR_INVALID_ID);
            // An oversized input is not echoed back.
            context.challenge(form(context, messageOf(id.verdict()), id.verdict() == IdNumber.Verdict.TOO_LONG ? null : typed));
            return;
        }
        if (!new Captcha(context.getSession(), context.getRealm()).passed(params, context.getConnection().getRemoteAddr())) {
            event.error(ResetEvents.ERROR_CAPTCHA);
            context.challenge(captchaFailed(context, id.value()));
            return;
        }

        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = session.users().getUserByUsername(realm, id.value());
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, id.value());
        // No user is set before the code passes, for a real account either: Keycloak's pages show the chosen
        // account in their header, and the step-2 page of a real account must not differ from an unknown one's.
        context.clearUser();
        String refusal = refusal(context, user);
        if (refusal == null) {
            authSession.setAuthNote(NOTE_ACCOUNT, user.getId());
            event.clone().user(user).detail(Details.USERNAME, id.value()).success();
        } else {
            authSession.removeAuthNote(NOTE_ACCOUNT);
            event.clone().user(user).detail(Details.USERNAME, id.value()).error(refusal);
        }
        context.success();
    }

    /** Why this account gets the decoy path, or null when a code may be sent to it. */
    private String refusal(AuthenticationFlowContext context, UserModel user) {
        if (user == null) {
            return Errors.USER_NOT_FOUND;
        }
        if (!user.isEnabled()) {
            return Errors.USER_DISABLED;
        }
        String lockedOut = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (lockedOut != null) {
            return lockedOut;
        }
        return phones.find(user).isEmpty() ? ResetEvents.ERROR_NO_PHONE : null;
    }

    private static String messageOf(IdNumber.Verdict verdict) {
        return switch (verdict) {
            case MISSING -> "bdResetIdMissing";
            case TOO_LONG -> "bdResetIdTooLong";
            case NOT_DIGITS -> "bdResetIdNotDigits";
            case WRONG_LENGTH -> "bdResetIdWrongLength";
            case VALID -> throw new IllegalArgumentException("no message for a valid ID number");
        };
    }

    private static Response form(AuthenticationFlowContext context, String fieldError, String typed) {
        LoginFormsProvider form = formWith(context, typed);
        if (fieldError != null) {
            form.addError(new FormMessage(FIELD_ID, fieldError));
        }
        return form.createForm(TEMPLATE);
    }

    private static Response captchaFailed(AuthenticationFlowContext context, String idNumber) {
        return formWith(context, idNumber).setError(Captcha.FAILED_MESSAGE).createForm(TEMPLATE);
    }

    private static LoginFormsProvider formWith(AuthenticationFlowContext context, String typed) {
        return new Captcha(context.getSession(), context.getRealm())
                .addTo(context.form().setAttribute("bdResetIdNumber", typed == null ? "" : typed));
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
