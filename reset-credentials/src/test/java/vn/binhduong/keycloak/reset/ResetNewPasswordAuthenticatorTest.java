package vn.binhduong.keycloak.reset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;


/** Step 3 of the reset on a fake flow context (Mockito): only two equal passwords after a proven code change anything. */
class ResetNewPasswordAuthenticatorTest {

    private static final String PASSWORD = "Moi@2026xyz";

    private final FakeResetFlow flow = new FakeResetFlow();
    private final RealmModel realm = flow.realm;
    private final AuthenticationFlowContext context = flow.context;
    private final AuthenticationSessionModel authSession = flow.authSession;
    private final LoginFormsProvider form = flow.form;
    private final Response page = flow.page;
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final UserModel user = mock(UserModel.class, RETURNS_DEEP_STUBS);
    private final ResetNewPasswordAuthenticator step = new ResetNewPasswordAuthenticator();

    @BeforeEach
    void anOfficialWhoseCodePassed() {
        when(context.getUser()).thenReturn(user);
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of(ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS, "false"));
        when(context.getAuthenticatorConfig()).thenReturn(config);
        when(flow.session.getProvider(BruteForceProtector.class)).thenReturn(protector);
        when(realm.getPasswordPolicy()).thenReturn(mock(PasswordPolicy.class));
        when(authSession.getAuthNote(ResetSmsCodeAuthenticator.NOTE_CODE_VERIFIED)).thenReturn("true");
    }

    private void submit(String password, String confirmation) {
        flow.formData.putSingle(ResetNewPasswordAuthenticator.FIELD_NEW, password);
        flow.formData.putSingle(ResetNewPasswordAuthenticator.FIELD_CONFIRM, confirmation);
        step.action(context);
    }

    @Test
    void twoDifferentPasswordsChangeNothing() {
        submit(PASSWORD, PASSWORD + "!");

        verify(flow.event).error(Errors.PASSWORD_CONFIRM_ERROR);
        verify(form).setError("bdResetPasswordMismatch");
        verify(user, never()).credentialManager();
        verify(authSession, never()).setAuthNote(eq(ResetNewPasswordAuthenticator.NOTE_DONE), any());
    }

    @Test
    void anOversizedPasswordIsRefusedBeforeAnyHashing() {
        String huge = "x".repeat(ResetNewPasswordAuthenticator.MAX_PASSWORD_INPUT + 1);
        submit(huge, huge);

        verify(flow.event).error(ResetEvents.ERROR_FIELD_TOO_LONG);
        verify(user, never()).credentialManager();
    }

    @Test
    void withoutAProvenCodeTheStepRefusesAndChangesNothing() {
        when(authSession.getAuthNote(ResetSmsCodeAuthenticator.NOTE_CODE_VERIFIED)).thenReturn(null);
        when(form.createErrorPage(Response.Status.BAD_REQUEST)).thenReturn(page);

        submit(PASSWORD, PASSWORD);

        verify(context).failure(any(), eq(page));
        verify(user, never()).credentialManager();
    }

    @Test
    void theSamePasswordTwiceReplacesItClearsTheFailuresAndShowsTheDonePage() {
        submit(PASSWORD, PASSWORD);

        verify(user.credentialManager()).updateCredential(any());
        verify(protector).successfulLogin(eq(realm), eq(user), any(), any(), eq(Set.of(PasswordCredentialModel.TYPE)));
        verify(authSession).removeAuthNote(ResetSmsCodeAuthenticator.NOTE_CODE_VERIFIED);
        verify(authSession).setAuthNote(ResetNewPasswordAuthenticator.NOTE_DONE, "true");
        verify(context).challenge(page);
    }
}
