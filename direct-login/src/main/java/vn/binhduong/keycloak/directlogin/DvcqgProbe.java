package vn.binhduong.keycloak.directlogin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.http.client.config.RequestConfig;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

/**
 * One reachability check of DVCQG: a GET, through Keycloak's HTTP client (its proxy and TLS settings), of the
 * authorization and token endpoints the realm's identity provider is configured with. An endpoint is reachable
 * when it answers below HTTP 500 within the timeout; a 400 for a request without parameters is the normal answer.
 */
final class DvcqgProbe {

    private final KeycloakSession session;

    DvcqgProbe(KeycloakSession session) {
        this.session = session;
    }

    /** The endpoints to probe, by name, or null if the realm has no such OIDC identity provider. */
    Map<String, String> endpoints(String identityProviderAlias) {
        IdentityProviderModel model = session.identityProviders().getByAlias(identityProviderAlias);
        if (model == null) {
            return null;
        }
        IdentityProviderFactory<?> factory = (IdentityProviderFactory<?>) session.getKeycloakSessionFactory()
                .getProviderFactory(IdentityProvider.class, model.getProviderId());
        if (factory == null || !(factory.create(session, model).getConfig() instanceof OIDCIdentityProviderConfig config)) {
            return null;
        }
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("authorize", config.getAuthorizationUrl());
        endpoints.put("token", config.getTokenUrl());
        return endpoints;
    }

    ProbeResult probe(Map<String, String> endpoints, int timeoutMs) {
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(timeoutMs).setConnectionRequestTimeout(timeoutMs)
                .setSocketTimeout(timeoutMs).setRedirectsEnabled(false).build();
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            if (endpoint.getValue() == null || endpoint.getValue().isBlank()) {
                return ProbeResult.unreachable(endpoint.getKey() + ": no URL configured");
            }
            try {
                int status = SimpleHttp.create(session).withRequestConfig(timeouts).doGet(endpoint.getValue()).asStatus();
                if (status >= 500) {
                    return ProbeResult.unreachable(endpoint.getKey() + ": HTTP " + status);
                }
            } catch (IOException | RuntimeException e) {
                return ProbeResult.unreachable(endpoint.getKey() + ": " + e.getClass().getSimpleName());
            }
        }
        return ProbeResult.REACHABLE;
    }
}
