package vn.binhduong.keycloak.reset;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.binhduong.keycloak.captcha.Captcha;

/**
 * Step 3 of the reset: the new password twice and the captcha, checked against the realm's password policy (its
 * messages are Keycloak's own, in Vietnamese too). On success the password is replaced, the user's other sessions
 * are signed out if the execution says so, and the step shows the success page, whose link restarts the login:
 * the reset never signs anyone in, so it cannot stand in for a login while direct login is off.
 */
public class ResetNewPasswordAuthenticator implements Authenticator {

    static final String FIELD_NEW = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";
    static final String TEMPLATE = "bd-reset-password.ftl";
    static final String DONE_TEMPLATE = "bd-reset-done.ftl";
    /** Set once the password was replaced: the step then only shows the success page again. */
    static final String NOTE_DONE = "bd.reset.done";
    /** Far above the policy's 50 characters; refused before any hashing. */
    static final int MAX_PASSWORD_INPUT = 256;
    /** Ids of Keycloak's password policy providers for the length bounds. */
    private static final String LENGTH_POLICY = "length";
    private static final String MAX_LENGTH_POLICY = "maxLength";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (done(context)) {
            context.challenge(donePage(context));
        } else if (codeVerified(context)) {
            context.challenge(passwordForm(context).createForm(TEMPLATE));
        } else {
            startAgain(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (done(context)) {
            context.challenge(donePage(context));
            return;
        }
        if (!codeVerified(context)) {
            startAgain(context);
            return;
        }
        UserModel user = context.getUser();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String password = params.getFirst(FIELD_NEW);
        String confirmation = params.getFirst(FIELD_CONFIRM);
        EventBuilder event = context.getEvent().detail(ResetEvents.STEP, ResetEvents.STEP_PASSWORD).user(user);

        if (tooLong(password) || tooLong(confirmation)) {
            refuse(context, event, ResetEvents.ERROR_FIELD_TOO_LONG, "bdResetPasswordTooLong");
        } else if (password == null || password.isEmpty()) {
            refuse(context, event, Errors.PASSWORD_MISSING, "bdResetPasswordMissing");
        } else if (confirmation == null || confirmation.isEmpty()) {
            refuse(context, event, Errors.PASSWORD_MISSING, "bdResetPasswordConfirmMissing");
        } else if (!new Captcha(context.getSession(), context.getRealm()).passed(params, context.getConnection().getRemoteAddr())) {
            refuse(context, event, ResetEvents.ERROR_CAPTCHA, Captcha.FAILED_MESSAGE);
        } else if (!password.equals(confirmation)) {
            refuse(context, event, Errors.PASSWORD_CONFIRM_ERROR, "bdResetPasswordMismatch");
        } else {
            replace(context, event, user, password);
        }
    }

    private void replace(AuthenticationFlowContext context, EventBuilder event, UserModel user, String password) {
        try {
            // Keycloak checks the realm's password policy here and changes nothing when it fails.
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            List<FormMessage> broken = PasswordRules.broken(context.getSession(), context.getRealm(), user, password);
            event.clone().detail(Details.REASON, broken.isEmpty() ? e.getMessage()
                    : broken.stream().map(FormMessage::getMessage).collect(Collectors.joining(","))).error(Errors.PASSWORD_REJECTED);
            LoginFormsProvider form = passwordForm(context);
            if (broken.isEmpty()) {
                form.setError(e.getMessage(), e.getParameters());
            } else {
                broken.forEach(form::addError);
            }
            context.challenge(form.createForm(TEMPLATE));
            return;
        }
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        boolean signOut = new ResetSettings(context.getAuthenticatorConfig()).signOutOtherSessions();
        if (signOut) {
            signOutEverySession(context, user);
        }
        RealmModel realm = context.getRealm();
        if (realm.isBruteForceProtected()) {
            // As Keycloak's reset does: a proven owner starts again with no failures counted.
            context.getSession().getProvider(BruteForceProtector.class).successfulLogin(realm, user,
                    context.getConnection(), context.getUriInfo(), Set.of(PasswordCredentialModel.TYPE));
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.removeAuthNote(ResetSmsCodeAuthenticator.NOTE_CODE_VERIFIED);
        authSession.setAuthNote(NOTE_DONE, "true");
        event.clone().event(EventType.UPDATE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).success();
        event.clone().event(EventType.UPDATE_PASSWORD).success();
        event.clone().detail(ResetEvents.OTHER_SESSIONS_SIGNED_OUT, Boolean.toString(signOut)).success();
        context.challenge(donePage(context));
    }

    /** Every session of the user, offline ones too: the one resetting is not signed in. */
    private static void signOutEverySession(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        List<UserSessionModel> sessions = Stream.concat(session.sessions().getUserSessionsStream(realm, user),
                session.sessions().getOfflineUserSessionsStream(realm, user)).toList();
        for (UserSessionModel userSession : sessions) {
            AuthenticationManager.backchannelLogout(session, realm, userSession, context.getUriInfo(),
                    context.getConnection(), context.getHttpRequest().getHttpHeaders(), true);
            context.getEvent().clone().event(EventType.LOGOUT).user(user).session(userSession)
                    .detail(ResetEvents.STEP, ResetEvents.STEP_PASSWORD).success();
        }
    }

    private static void refuse(AuthenticationFlowContext context, EventBuilder event, String error, String message) {
        event.clone().error(error);
        context.challenge(passwordForm(context).setError(message).createForm(TEMPLATE));
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_PASSWORD_INPUT;
    }

    private static boolean done(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getAuthNote(NOTE_DONE) != null;
    }

    private static boolean codeVerified(AuthenticationFlowContext context) {
        return context.getUser() != null
                && context.getAuthenticationSession().getAuthNote(ResetSmsCodeAuthenticator.NOTE_CODE_VERIFIED) != null;
    }

    /** Not reachable through the flow, which runs this step only after the code passed; refused all the same. */
    private static void startAgain(AuthenticationFlowContext context) {
        context.failure(AuthenticationFlowError.INVALID_USER,
                context.form().setError("bdResetStartAgain").createErrorPage(Response.Status.BAD_REQUEST));
    }

    /** The form with the policy's length bounds for the hint ("8 đến 50 ký tự"). */
    private static LoginFormsProvider passwordForm(AuthenticationFlowContext context) {
        PasswordPolicy policy = context.getRealm().getPasswordPolicy();
        Integer min = policy.getPolicyConfig(LENGTH_POLICY);
        Integer max = policy.getPolicyConfig(MAX_LENGTH_POLICY);
        return new Captcha(context.getSession(), context.getRealm()).addTo(context.form()
                .setAttribute("bdResetMinLength", min == null ? 1 : min)
                .setAttribute("bdResetMaxLength", max == null ? MAX_PASSWORD_INPUT : max));
    }

    private static Response donePage(AuthenticationFlowContext context) {
        return context.form().createForm(DONE_TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
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
