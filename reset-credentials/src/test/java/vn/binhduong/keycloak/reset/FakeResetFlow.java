package vn.binhduong.keycloak.reset;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.binhduong.keycloak.captcha.CaptchaSettings;

/**
 * A flow context of Mockito mocks for one post to a reset step: brute-force protection on, captcha off, every
 * form rendering as {@link #page}. Unit tests only.
 */
final class FakeResetFlow {

    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    final LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
    final MultivaluedHashMap<String, String> formData = new MultivaluedHashMap<>();
    final Response page = Response.ok("page").build();

    FakeResetFlow() {
        when(context.getSession()).thenReturn(session);
        when(context.getRealm()).thenReturn(realm);
        when(context.getAuthenticationSession()).thenReturn(authSession);
        when(context.getEvent()).thenReturn(event);
        when(context.form()).thenReturn(form);
        when(context.getConnection()).thenReturn(mock(ClientConnection.class));
        HttpRequest request = mock(HttpRequest.class);
        when(request.getDecodedFormParameters()).thenReturn(formData);
        when(context.getHttpRequest()).thenReturn(request);
        when(realm.getAttributes()).thenReturn(Map.of(CaptchaSettings.ENABLED, "false"));
        when(realm.isBruteForceProtected()).thenReturn(true);
        when(form.createForm(anyString())).thenReturn(page);
    }
}
