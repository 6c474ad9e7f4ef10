package vn.binhduong.keycloak.dvcqg;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Keycloak's "create user if unique", with the province's rule in front: where new accounts are not allowed,
 * a person whose ID number matches no account gets the "tài khoản chưa được cấp" page and nothing is created.
 * A match goes on to the next step (auto-link), as in Keycloak's first broker login flow.
 */
final class DvcqgProvisionedUserAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

    private static final Logger LOG = Logger.getLogger(DvcqgProvisionedUserAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        if (!createsUnknownUsers(context.getAuthenticatorConfig())
                && context.getAuthenticationSession().getAuthNote(EXISTING_USER_INFO) == null) {
            String username = getUsername(context, serializedCtx, brokerContext);
            if (username == null || checkExistingUser(context, username, serializedCtx, brokerContext) == null) {
                context.getEvent().detail("dvcqg_account", "not_provisioned").error(Errors.USER_NOT_FOUND);
                Response page = context.form().setError(DvcqgRefusal.NOT_PROVISIONED)
                        .createErrorPage(Response.Status.FORBIDDEN);
                context.failureChallenge(AuthenticationFlowError.UNKNOWN_USER, page);
                return;
            }
        }
        super.authenticateImpl(context, serializedCtx, brokerContext);
    }

    /** Off unless set; an impossible value fails the flow and the log names the key, as every step of ours does. */
    private static boolean createsUnknownUsers(AuthenticatorConfigModel config) {
        String key = DvcqgProvisionedUserAuthenticatorFactory.CONF_CREATE_UNKNOWN_USERS;
        String value = config == null || config.getConfig() == null ? null : config.getConfig().get(key);
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        LOG.errorf("authenticator config '%s' (%s): impossible value for '%s'", config.getAlias(),
                DvcqgProvisionedUserAuthenticatorFactory.PROVIDER_ID, key);
        throw new AuthenticationFlowException(DvcqgProvisionedUserAuthenticatorFactory.PROVIDER_ID + " config key " + key,
                AuthenticationFlowError.INTERNAL_ERROR);
    }
}
