package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.models.IdentityProviderModel;
import org.mockito.ArgumentCaptor;

class DirectLoginFormAuthenticatorTest {

    private final FakeFlow flow = new FakeFlow();
    private final DirectLoginFormAuthenticator step = new DirectLoginFormAuthenticator();

    private void provider(String alias, boolean enabled) {
        IdentityProviderModel idp = new IdentityProviderModel();
        idp.setAlias(alias);
        idp.setEnabled(enabled);
        when(flow.identityProviders.getByAlias(alias)).thenReturn(idp);
    }

    private Response forcedChallenge() {
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(flow.context).forceChallenge(response.capture());
        return response.getValue();
    }

    @Test
    void whileTheSwitchIsOffTheLoginPageShowsNoPasswordForm() {
        step.authenticate(flow.context);

        verify(flow.form).setAttribute(DirectLoginFormAuthenticator.ATTR_DIRECT_LOGIN_ENABLED, false);
        verify(flow.context).challenge(flow.loginPage);
        verify(flow.context, never()).forceChallenge(any());
    }

    @Test
    void whileTheSwitchIsOffTheConfiguredProviderGetsTheUserThroughKeycloaksRedirector() {
        flow.config.put(DirectLoginFormAuthenticatorFactory.CONF_REDIRECT_WHEN_OFF, "dvcqg");
        provider("dvcqg", true);
        when(flow.authSession.getClientNote("login_hint")).thenReturn("079197001234");

        step.authenticate(flow.context);

        Response redirect = forcedChallenge();
        assertThat(redirect.getStatus()).isEqualTo(303);
        assertThat(redirect.getLocation().getPath()).isEqualTo("/realms/binhduong/broker/dvcqg/login");
        assertThat(redirect.getLocation().getQuery()).contains("client_id=motcua", "tab_id=tab-1", "session_code=")
                .as("the client's login hint, as Keycloak's redirector passes it").contains("login_hint=079197001234");
        verify(flow.context, never()).challenge(any());
    }

    @Test
    void aMissingOrDisabledProviderLeavesTheLoginPage() {
        flow.config.put(DirectLoginFormAuthenticatorFactory.CONF_REDIRECT_WHEN_OFF, "dvcqg");
        provider("dvcqg", false);

        step.authenticate(flow.context);
        flow.config.put(DirectLoginFormAuthenticatorFactory.CONF_REDIRECT_WHEN_OFF, "nowhere");
        step.authenticate(flow.context);

        verify(flow.context, never()).forceChallenge(any());
        verify(flow.context, times(2)).challenge(flow.loginPage);
    }

    @Test
    void whileTheSwitchIsOpenNoRedirectHappens() {
        flow.switchOpenUntil(Time.currentTime() + 600);
        flow.config.put(DirectLoginFormAuthenticatorFactory.CONF_REDIRECT_WHEN_OFF, "dvcqg");
        provider("dvcqg", true);

        step.authenticate(flow.context);

        verify(flow.form).setAttribute(DirectLoginFormAuthenticator.ATTR_DIRECT_LOGIN_ENABLED, true);
        verify(flow.context, never()).forceChallenge(any());
    }

    @Test
    void aPostWhileTheSwitchIsOffIsRefusedBeforeAnyUserLookup() {
        flow.switchOpenUntil(Time.currentTime() - 1);
        flow.formData.putSingle("username", "079197001234");
        flow.formData.putSingle("password", "Abc@12345");

        step.action(flow.context);

        verify(flow.event).error(DirectLoginFormAuthenticator.ERROR_DIRECT_LOGIN_OFF);
        verify(flow.form).setError(DirectLoginFormAuthenticator.MSG_OFF);
        verify(flow.context).failure(AuthenticationFlowError.ACCESS_DENIED, flow.errorPage);
        verify(flow.session, never()).users();
        verify(flow.context, never()).setUser(any());
    }
}
