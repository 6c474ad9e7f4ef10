package vn.binhduong.keycloak.reset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.binhduong.keycloak.captcha.CaptchaSettings;

/** Step 3 of the reset on a fake flow context (Mockito): only two equal passwords after a proven code change anything. */
class ResetNewPasswordAuthenticatorTest {

    private static final String PASSWORD = "Moi@2026xyz";

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final UserModel user = mock(UserModel.class, RETURNS_DEEP_STUBS);
    private final MultivaluedHashMap<String, String> formData = new MultivaluedHashMap<>();
    private final Response page = Response.ok("page").build();
    private final ResetNewPasswordAuthenticator step = new ResetNewPasswordAuthenticator();

    @BeforeEach
    void anOfficialWhoseCodePassed() {
        when(context.getSession()).thenReturn(session);
        when(context.getRealm()).thenReturn(realm);
        when(context.getAuthenticationSession()).thenReturn(authSession);
        when(context.getEvent()).thenReturn(event);
        when(context.form()).thenReturn(form);
        when(context.getUser()).thenReturn(user);
        when(context.getConnection()).thenReturn(mock(ClientConnection.class));
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of(ResetNewPasswordAuthenticatorFactory.CONF_SIGN_OUT_OTHER_SESSIONS, "false"));
        when(context.getAuthenticatorConfig()).thenReturn(config);
        HttpRequest request = mock(HttpRequest.class);
        when(request.getDecodedFormParameters()).thenReturn(formData);
        when(context.getHttpRequest()).thenReturn(request);
        when(session.getProvider(BruteForceProtector.class)).thenReturn(protector);
        when(realm.getAttributes()).thenReturn(Map.of(CaptchaSettings.ENABLED, "false"));
        when(realm.getPasswordPolicy()).thenReturn(mock(PasswordPolicy.class));
        when(realm.isBruteForceProtected()).thenReturn(true);
        when(authSession.getAuthNote(ResetSmsCodeAuthenticator.NOTE_CODE_VERIFIED)).thenReturn("true");
        when(form.createForm(anyString())).thenReturn(page);
    }

    private void submit(String password, String confirmation) {
        formData.putSingle(ResetNewPasswordAuthenticator.FIELD_NEW, password);
        formData.putSingle(ResetNewPasswordAuthenticator.FIELD_CONFIRM, confirmation);
        step.action(context);
    }

    @Test
    void twoDifferentPasswordsChangeNothing() {
        submit(PASSWORD, PASSWORD + "!");

        verify(event).error(Errors.PASSWORD_CONFIRM_ERROR);
        verify(form).setError("bdResetPasswordMismatch");
        verify(user, never()).credentialManager();
        verify(authSession, never()).setAuthNote(eq(ResetNewPasswordAuthenticator.NOTE_DONE), any());
    }

    @Test
    void anOversizedPasswordIsRefusedBeforeAnyHashing() {
        String huge = "x".repeat(ResetNewPasswordAuthenticator.MAX_PASSWORD_INPUT + 1);
        submit(huge, huge);

        verify(event).error(ResetEvents.ERROR_FIELD_TOO_LONG);
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
