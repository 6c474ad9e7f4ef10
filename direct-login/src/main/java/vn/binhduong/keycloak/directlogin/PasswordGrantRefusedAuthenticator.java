package vn.binhduong.keycloak.directlogin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * The realm's direct-grant flow: a password alone never gets a token, whatever the client. It answers before any
 * user lookup or password check, so the token endpoint is no oracle for passwords either. Sign-in goes through the
 * browser flow (DVCQG, or the direct login with its SMS code).
 */
public class PasswordGrantRefusedAuthenticator implements Authenticator {

    static final String REASON = "password grant refused: sign in through the browser flow";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.getEvent().detail(Details.REASON, REASON).error(Errors.NOT_ALLOWED);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuth2ErrorRepresentation(OAuthErrorException.UNAUTHORIZED_CLIENT,
                        "Password grant is not allowed in this realm"))
                .build());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
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
