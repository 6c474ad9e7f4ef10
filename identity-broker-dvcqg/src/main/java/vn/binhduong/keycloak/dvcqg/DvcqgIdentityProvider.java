package vn.binhduong.keycloak.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.http.client.config.RequestConfig;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.broker.provider.util.IdentityBrokerState;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * Keycloak's OIDC broker, reshaped for DVCQG: the identity comes from the userinfo answer (GET or POST), an
 * id_token is only checked where configured, {@code acr_values} is sent, and every call to DVCQG runs with the
 * configured timeouts through Keycloak's HTTP client provider.
 */
public final class DvcqgIdentityProvider extends OIDCIdentityProvider {

    private static final Logger LOG = Logger.getLogger(DvcqgIdentityProvider.class);
    static final String ATTR_PHONE = "phoneNumber";
    /** Read by the stock {@code phone} scope as {@code phone_number_verified}: true only once an SMS code proves it. */
    static final String ATTR_PHONE_VERIFIED = "phoneNumberVerified";
    static final String ATTR_BIRTH_DATE = "birthdate";
    static final String ATTR_ACCOUNT_TYPE = "dvcqgAccountType";
    static final String ATTR_ENTERPRISE_NAME = "enterpriseName";
    static final String ATTR_ENTERPRISE_ADDRESS = "enterpriseAddress";
    private static final String NONCE_CLAIM = "nonce";

    public DvcqgIdentityProvider(KeycloakSession session, DvcqgIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public DvcqgIdentityProviderConfig getConfig() {
        return (DvcqgIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new DvcqgEndpoint(callback, realm, event, this);
    }

    /** Keycloak's HTTP client with this provider's connect and read timeouts. */
    SimpleHttp http() {
        int connect = getConfig().connectTimeoutMs();
        int read = getConfig().readTimeoutMs();
        return SimpleHttp.create(session).withRequestConfig(RequestConfig.custom().setConnectTimeout(connect)
                .setConnectionRequestTimeout(connect).setSocketTimeout(read).build());
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        UriBuilder uri = super.createAuthorizationUrl(request);
        String acr = getConfig().acrValues();
        if (!acr.isEmpty()) {
            uri.replaceQueryParam("acr_values", acr);
        }
        return uri;
    }

    @Override
    public BrokeredIdentityContext getFederatedIdentity(String response) {
        AccessTokenResponse tokenResponse;
        try {
            tokenResponse = JsonSerialization.readValue(response, AccessTokenResponse.class);
        } catch (IOException e) {
            throw new DvcqgRefusal(DvcqgRefusal.UNAVAILABLE, "DVCQG token response is not JSON", e);
        }
        if (tokenResponse.getToken() == null) {
            throw new DvcqgRefusal(DvcqgRefusal.UNAVAILABLE, "DVCQG token response without access_token");
        }
        JsonWebToken idToken = null;
        String nonce = null;
        if (tokenResponse.getIdToken() != null) {
            JsonWebToken token = getConfig().validateIdToken() ? validateToken(tokenResponse.getIdToken())
                    : readUnverified(tokenResponse.getIdToken());
            idToken = getConfig().validateIdToken() ? token : null;
            nonce = token.getOtherClaims().get(NONCE_CLAIM) instanceof String value ? value : null;
        }

        JsonNode userInfo = fetchUserInfo(tokenResponse.getToken());
        DvcqgProfile profile = DvcqgProfile.from(userInfo, getConfig().claimNames());
        refuseBelowMinimumLevel(userInfo);

        BrokeredIdentityContext identity = new BrokeredIdentityContext(profile.techId(), getConfig());
        identity.setBrokerUserId(getConfig().getAlias() + "." + profile.techId());
        DvcqgIdentityMapping.apply(profile, identity);
        identity.getContextData().put(USER_INFO, userInfo);
        identity.getContextData().put(FEDERATED_ACCESS_TOKEN_RESPONSE, tokenResponse);
        if (idToken != null) {
            identity.getContextData().put(VALIDATED_ID_TOKEN, idToken);
        }
        if (nonce != null) {
            identity.getContextData().put(KeycloakBrokerNotes.BROKER_NONCE, nonce);
        }
        if (getConfig().isStoreToken()) {
            identity.setToken(response);
        }
        return identity;
    }

    /** As FranceConnect's broker refuses a lower acr than asked: DVCQG may grant less than acr_values asked for. */
    private void refuseBelowMinimumLevel(JsonNode userInfo) {
        int minimum = getConfig().minLevel();
        if (minimum == 0) {
            return;
        }
        OptionalInt level = DvcqgAssuranceLevel.of(userInfo, getConfig().claimNames());
        if (level.isEmpty() || level.getAsInt() < minimum) {
            throw new DvcqgRefusal(DvcqgRefusal.LEVEL_TOO_LOW, "DVCQG level of assurance "
                    + (level.isEmpty() ? "missing" : Integer.toString(level.getAsInt())) + ", minimum " + minimum);
        }
    }

    private JsonNode fetchUserInfo(String accessToken) {
        String url = getConfig().getUserInfoUrl();
        SimpleHttpRequest request = getConfig().userInfoMethod() == DvcqgIdentityProviderConfig.UserInfoMethod.POST
                ? http().doPost(url).params(Map.of()) : http().doGet(url); // a POST carries an (empty) form body
        try (SimpleHttpResponse response = request.auth(accessToken).acceptJson().asResponse()) {
            if (response.getStatus() != 200) {
                throw new DvcqgRefusal(DvcqgRefusal.UNAVAILABLE, "DVCQG userinfo answered " + response.getStatus());
            }
            JsonNode body = response.asJson();
            if (body == null || !body.isObject()) {
                throw new DvcqgRefusal(DvcqgRefusal.UNAVAILABLE, "DVCQG userinfo is not a JSON object");
            }
            return body;
        } catch (IOException e) {
            LOG.warnf("DVCQG userinfo call to %s failed: %s", url, e.toString());
            throw new DvcqgRefusal(DvcqgRefusal.UNAVAILABLE, "DVCQG userinfo unreachable", e);
        }
    }

    /** Keeps DVCQG's id_token (when it sent one) for the id_token_hint of the logout call. */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        AccessTokenResponse tokenResponse = (AccessTokenResponse) context.getContextData().get(FEDERATED_ACCESS_TOKEN_RESPONSE);
        if (tokenResponse != null && tokenResponse.getIdToken() != null && getConfig().isSendIdTokenOnLogout()) {
            authSession.setUserSessionNote(FEDERATED_ID_TOKEN, tokenResponse.getIdToken());
        }
    }

    /**
     * The id_token's nonce binds DVCQG's answer to the browser that started this login, so a code taken from
     * someone else's login and pasted into our callback is refused. Keycloak's check compares it with the nonce
     * it sent. With validation on, a nonce is required. With it off, the id_token came straight from DVCQG's token
     * endpoint over TLS (OpenID Connect Core 3.1.3.7): a nonce it carries must still be this login's; one without
     * a nonce, or no id_token at all, is left to PKCE.
     */
    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        if (context.getContextData().get(VALIDATED_ID_TOKEN) == null
                && context.getContextData().get(KeycloakBrokerNotes.BROKER_NONCE) == null) {
            return;
        }
        try {
            super.preprocessFederatedIdentity(session, realm, context);
        } catch (IdentityBrokerException | ErrorResponseException e) {
            throw new DvcqgRefusal(DvcqgRefusal.INVALID_ID_TOKEN, "DVCQG id_token nonce refused", e);
        }
    }

    /** The claims of an id_token whose signature is not checked (validation off); garbage is a refusal. */
    private static JsonWebToken readUnverified(String encoded) {
        try {
            return new JWSInput(encoded).readJsonContent(JsonWebToken.class);
        } catch (JWSInputException | RuntimeException e) {
            throw new DvcqgRefusal(DvcqgRefusal.INVALID_ID_TOKEN, "DVCQG id_token is not a JWT", e);
        }
    }

    /** Logout at DVCQG never blocks Keycloak's own logout: failures are logged, the session ends anyway. */
    @Override
    protected void backchannelLogout(UserSessionModel userSession, String idToken) {
        UriBuilder logoutUri = UriBuilder.fromUri(getConfig().getLogoutUrl()).queryParam("state", userSession.getId());
        if (getConfig().isSendIdTokenOnLogout() && idToken != null) {
            logoutUri.queryParam("id_token_hint", idToken);
        }
        if (getConfig().isSendClientIdOnLogout()) {
            logoutUri.queryParam("client_id", getConfig().getClientId());
        }
        String logoutUrl = getConfig().getLogoutUrl();
        try {
            int status = http().doGet(logoutUri.build().toString()).asStatus();
            if (status >= 400) {
                LOG.warnf("DVCQG logout at %s answered %d", logoutUrl, status);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("DVCQG logout at %s failed: %s", logoutUrl, e.toString());
        }
    }

    @Override
    public JsonWebToken validateToken(String encodedToken) {
        try {
            return super.validateToken(encodedToken);
        } catch (IdentityBrokerException e) {
            throw new DvcqgRefusal(DvcqgRefusal.INVALID_ID_TOKEN, "DVCQG id_token refused: " + e.getMessage(), e);
        }
    }

    /**
     * Keycloak's broker callback with two differences. The token request goes through this provider's HTTP
     * client, which carries the configured timeouts (the PKCE verifier lookup is Keycloak's own). And when DVCQG
     * is down, slow, answers an error or garbage, or sends an identity we refuse, the person is taken back to the
     * login page with our Vietnamese message and an event records the error code, instead of Keycloak's generic
     * "unexpected error" page. A missing or tampered state and DVCQG's own error answers stay Keycloak's.
     */
    static final class DvcqgEndpoint extends OIDCEndpoint {

        private final DvcqgIdentityProvider provider;

        DvcqgEndpoint(AuthenticationCallback callback, RealmModel realm, EventBuilder event, DvcqgIdentityProvider provider) {
            super(callback, realm, event, provider);
            this.provider = provider;
        }

        @GET
        @Override
        public Response authResponse(@QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_STATE) String state,
                                     @QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_CODE) String authorizationCode,
                                     @QueryParam(OAuth2Constants.ERROR) String error,
                                     @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
            if (state != null && !wellFormed(state)) {
                return malformedState();
            }
            if (state == null || error != null || authorizationCode == null) {
                return super.authResponse(state, authorizationCode, error, errorDescription);
            }
            AuthenticationSessionModel authSession;
            try {
                // Refuses a tampered state and a replayed callback (the login it belonged to is over).
                authSession = callback.getAndVerifyAuthenticationSession(state);
            } catch (WebApplicationException e) {
                return e.getResponse();
            }
            session.getContext().setAuthenticationSession(authSession);
            try {
                BrokeredIdentityContext identity = provider.getFederatedIdentity(redeem(authorizationCode));
                identity.setIdp(provider);
                identity.setAuthenticationSession(authSession);
                return callback.authenticated(identity);
            } catch (DvcqgRefusal refusal) {
                return refused(refusal);
            } catch (WebApplicationException e) {
                return e.getResponse();
            } catch (RuntimeException e) {
                LOG.error("DVCQG broker callback failed", e);
                event.event(EventType.IDENTITY_PROVIDER_LOGIN).detail(Details.IDENTITY_PROVIDER, provider.getConfig().getAlias())
                        .error(Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
                return ErrorPage.error(session, authSession, Response.Status.INTERNAL_SERVER_ERROR,
                        Messages.IDENTITY_PROVIDER_UNEXPECTED_ERROR);
            }
        }

        /** Whether Keycloak can decode the state at all (it throws, and answers 500, on one that is not Base64URL). */
        private boolean wellFormed(String state) {
            try {
                IdentityBrokerState.encoded(state, realm);
                return true;
            } catch (RuntimeException malformed) {
                return false;
            }
        }

        /** A state that is not ours at all (not Base64URL, too short): Keycloak's page for an invalid request. */
        private Response malformedState() {
            event.event(EventType.IDENTITY_PROVIDER_LOGIN).detail(Details.IDENTITY_PROVIDER, provider.getConfig().getAlias())
                    .detail(Details.REASON, "malformed state").error(Errors.INVALID_REQUEST);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
        }

        /** The token response for the code; DVCQG down, slow or answering an error is a refusal. */
        private String redeem(String authorizationCode) {
            SimpleHttpRequest request = generateTokenRequest(authorizationCode);
            try (SimpleHttpResponse response = request.asResponse()) {
                int status = response.getStatus();
                String body = response.asString();
                if (status == 200) {
                    return body;
                }
                String error = oauthError(body);
                String reason = "DVCQG token endpoint answered " + status + (error == null ? "" : " " + error);
                // invalid_grant: the code was used already, has expired, or was never DVCQG's. Anything else
                // (invalid_client included: a wrong secret) is DVCQG not serving us, as far as the person can tell.
                throw new DvcqgRefusal(OAuthErrorException.INVALID_GRANT.equals(error)
                        ? DvcqgRefusal.CODE_REJECTED : DvcqgRefusal.UNAVAILABLE, reason);
            } catch (IOException e) {
                throw new DvcqgRefusal(DvcqgRefusal.UNAVAILABLE, "DVCQG token endpoint unreachable: " + e, e);
            }
        }

        /** The OAuth {@code error} code of an error answer (a short token, safe to log), if it has one. */
        private static String oauthError(String body) {
            try {
                JsonNode error = JsonSerialization.mapper.readTree(body).get(OAuth2Constants.ERROR);
                return error != null && error.isTextual() && error.asText().matches("[a-z_]{1,64}") ? error.asText() : null;
            } catch (IOException | RuntimeException notJson) {
                return null;
            }
        }

        private Response refused(DvcqgRefusal refusal) {
            LOG.warnf("DVCQG login refused: %s", refusal.getMessage());
            event.event(EventType.IDENTITY_PROVIDER_LOGIN).detail(Details.IDENTITY_PROVIDER, provider.getConfig().getAlias())
                    .detail(Details.REASON, refusal.getMessage()).error(refusal.eventError());
            // Back to the login page, with the message and every other way to sign in.
            return callback.error(provider.getConfig(), refusal.getMessageCode());
        }

        /**
         * Keycloak's own token request (code, redirect URI, PKCE verifier, client authentication), built by
         * {@code AbstractOAuth2IdentityProvider.Endpoint} but not yet sent, sent again through this provider's
         * client so that the configured timeouts apply.
         */
        @Override
        public SimpleHttpRequest generateTokenRequest(String authorizationCode) {
            SimpleHttpRequest keycloaks = super.generateTokenRequest(authorizationCode);
            SimpleHttpRequest timed = provider.http().doPost(keycloaks.getUrl());
            if (keycloaks.getHeaders() != null) {
                keycloaks.getHeaders().forEach(timed::header);
            }
            if (keycloaks.getParams() != null) {
                timed.params(new LinkedHashMap<>(keycloaks.getParams()));
            }
            if (keycloaks.getEntity() != null) {
                timed.json(keycloaks.getEntity());
            }
            return timed;
        }
    }
}
