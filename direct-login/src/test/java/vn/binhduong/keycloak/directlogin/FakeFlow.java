package vn.binhduong.keycloak.directlogin;

import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ClientData;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A flow context of Mockito mocks for one request to a direct-login step: realm {@code binhduong}, the switch in
 * realm attributes (no console tab deployed), a client {@code motcua}, and the step's config. Unit tests only.
 */
final class FakeFlow {

    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    final LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
    final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    final IdentityProviderStorageProvider identityProviders = mock(IdentityProviderStorageProvider.class);
    final Map<String, String> config = new HashMap<>();
    final MultivaluedHashMap<String, String> formData = new MultivaluedHashMap<>();
    /** What the login page renders as. */
    final Response loginPage = Response.ok("login page").build();
    final Response errorPage = Response.status(Response.Status.FORBIDDEN).build();

    FakeFlow() {
        when(context.getSession()).thenReturn(session);
        when(context.getRealm()).thenReturn(realm);
        when(context.getAuthenticationSession()).thenReturn(authSession);
        when(context.form()).thenReturn(form);
        when(context.getEvent()).thenReturn(event);
        AuthenticatorConfigModel configModel = new AuthenticatorConfigModel();
        configModel.setConfig(config);
        when(context.getAuthenticatorConfig()).thenReturn(configModel);
        HttpRequest request = mock(HttpRequest.class);
        when(request.getDecodedFormParameters()).thenReturn(formData);
        when(context.getHttpRequest()).thenReturn(request);
        UriInfo uriInfo = mock(UriInfo.class);
        when(uriInfo.getBaseUri()).thenReturn(URI.create("https://sso.binhduong.gov.vn/"));
        when(context.getUriInfo()).thenReturn(uriInfo);

        when(realm.getName()).thenReturn("binhduong");
        when(session.getKeycloakSessionFactory()).thenReturn(mock(KeycloakSessionFactory.class));
        when(session.identityProviders()).thenReturn(identityProviders);
        when(session.getTransactionManager()).thenReturn(mock(KeycloakTransactionManager.class));
        KeycloakContext keycloakContext = mock(KeycloakContext.class, RETURNS_DEEP_STUBS);
        when(keycloakContext.getRealm()).thenReturn(realm);
        when(session.getContext()).thenReturn(keycloakContext);
        ClientModel client = mock(ClientModel.class);
        when(client.getClientId()).thenReturn("motcua");
        when(authSession.getClient()).thenReturn(client);
        when(authSession.getTabId()).thenReturn("tab-1");
        when(authSession.getProtocol()).thenReturn("openid-connect");
        LoginProtocol protocol = mock(LoginProtocol.class);
        when(protocol.getClientData(authSession)).thenReturn(new ClientData("https://motcua.binhduong.gov.vn/cb", "code", "query", "s"));
        when(session.getProvider(LoginProtocol.class, "openid-connect")).thenReturn(protocol);

        when(form.createLoginUsernamePassword()).thenReturn(loginPage);
        when(form.createErrorPage(Response.Status.FORBIDDEN)).thenReturn(errorPage);
    }

    /** The administrators' switch, as the realm attributes keep it where the console tab is not deployed. */
    FakeFlow switchOpenUntil(long expiresAt) {
        when(realm.getAttribute(DirectLoginSwitch.ENABLED)).thenReturn("true");
        when(realm.getAttribute(DirectLoginSwitch.EXPIRES_AT)).thenReturn(Long.toString(expiresAt));
        return this;
    }
}
