package vn.binhduong.keycloak.directlogin;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.IdentityProviderAuthenticator;

/**
 * Keycloak's Identity Provider Redirector, used for its redirect alone: the same broker URL, client data, login
 * hint and {@code prompt=none} forwarding as the stock step, from inside the direct-login form.
 */
final class IdentityProviderRedirect extends IdentityProviderAuthenticator {

    /** Answers with the redirect to the provider; the caller has checked that it exists and is enabled. */
    void to(AuthenticationFlowContext context, String alias) {
        redirect(context, alias);
    }
}
