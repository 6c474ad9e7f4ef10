package vn.binhduong.keycloak.directlogin;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;

/**
 * Keycloak's username/password form, open only while the realm's {@link DirectLoginSwitch} is on and only to
 * members of the configured group. While the switch is off, the form is not rendered and every post to this step,
 * whatever it carries, is refused before any user lookup or password check.
 */
public class DirectLoginFormAuthenticator extends UsernamePasswordForm {

    private static final Logger LOG = Logger.getLogger(DirectLoginFormAuthenticator.class);

    /** Form attribute the login template reads: the username/password form and the banner only when true. */
    public static final String ATTR_DIRECT_LOGIN_ENABLED = "directLoginEnabled";

    /** Form attribute: the login name may be a phone number (the template's hint says so). */
    public static final String ATTR_PHONE_LOGIN = "directLoginByPhone";

    static final String ERROR_DIRECT_LOGIN_OFF = "bd_direct_login_off";
    static final String MSG_OFF = "bdDirectLoginOff";
    static final String MSG_NOT_IN_GROUP = "bdDirectLoginNotInGroup";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        boolean open = isOpen(context);
        context.form().setAttribute(ATTR_DIRECT_LOGIN_ENABLED, open).setAttribute(ATTR_PHONE_LOGIN,
                DirectLoginFormAuthenticatorFactory.phoneLoginEnabled(context.getAuthenticatorConfig()));
        if (open) {
            super.authenticate(context);
            return;
        }
        String idpAlias = DirectLoginFormAuthenticatorFactory.redirectWhenOff(context.getAuthenticatorConfig());
        if (idpAlias != null && redirectToIdentityProvider(context, idpAlias)) {
            return;
        }
        context.challenge(context.form().createLoginUsernamePassword());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!isOpen(context)) {
            context.getEvent().error(ERROR_DIRECT_LOGIN_OFF);
            context.failure(AuthenticationFlowError.ACCESS_DENIED,
                    context.form().setError(MSG_OFF).createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        context.form().setAttribute(ATTR_DIRECT_LOGIN_ENABLED, true).setAttribute(ATTR_PHONE_LOGIN,
                DirectLoginFormAuthenticatorFactory.phoneLoginEnabled(context.getAuthenticatorConfig()));
        super.action(context);
    }

    /**
     * The login name (an ID number, or the number of an OTP phone when the step allows it), Keycloak's password
     * check, then membership of the allowed group; others stop here, before the OTP.
     */
    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        MultivaluedMap<String, String> identified = phoneLogin(context)
                .map(phoneLogin -> phoneLogin.identify(context, formData))
                .orElseGet(() -> PhoneLogin.masked(context, formData));
        // Keycloak notes the holder's username as the attempted one: its brute-force detection finds the account by it.
        if (!super.validateForm(context, identified)) {
            return false;
        }
        UserModel user = context.getUser();
        if (RoleUtils.isMember(user.getGroupsStream(), allowedGroup(context))) {
            return true;
        }
        context.getEvent().user(user).error(Errors.NOT_ALLOWED);
        context.clearUser();
        context.failure(AuthenticationFlowError.ACCESS_DENIED,
                context.form().setError(MSG_NOT_IN_GROUP).createErrorPage(Response.Status.FORBIDDEN));
        return false;
    }

    private static boolean isOpen(AuthenticationFlowContext context) {
        return new DirectLoginSwitch(context.getSession(), context.getRealm()).isOpen(Time.currentTime());
    }

    private static Optional<PhoneLogin> phoneLogin(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        if (!DirectLoginFormAuthenticatorFactory.phoneLoginEnabled(config)) {
            return Optional.empty();
        }
        String path = DirectLoginFormAuthenticatorFactory.phoneLoginGroupPath(config);
        return Optional.of(new PhoneLogin(path == null ? allowedGroup(context)
                : group(context, path, DirectLoginFormAuthenticatorFactory.CONF_PHONE_LOGIN_GROUP)));
    }

    private static GroupModel allowedGroup(AuthenticationFlowContext context) {
        return group(context, DirectLoginFormAuthenticatorFactory.allowedGroupPath(context.getAuthenticatorConfig()),
                DirectLoginFormAuthenticatorFactory.CONF_ALLOWED_GROUP);
    }

    private static GroupModel group(AuthenticationFlowContext context, String path, String configKey) {
        GroupModel group = KeycloakModelUtils.findGroupByPath(context.getSession(), context.getRealm(), path);
        if (group == null) {
            LOG.errorf("%s: group %s does not exist in realm %s", configKey, path, context.getRealm().getName());
            throw new AuthenticationFlowException("direct login group missing", AuthenticationFlowError.INTERNAL_ERROR);
        }
        return group;
    }

    /**
     * Through Keycloak's Identity Provider Redirector; false (render the page) if the provider is absent or disabled,
     * where Keycloak's step would go on to the next one.
     */
    private static boolean redirectToIdentityProvider(AuthenticationFlowContext context, String alias) {
        IdentityProviderModel idp = context.getSession().identityProviders().getByAlias(alias);
        if (idp == null || !idp.isEnabled()) {
            LOG.warnf("%s: identity provider %s not found or disabled in realm %s",
                    DirectLoginFormAuthenticatorFactory.CONF_REDIRECT_WHEN_OFF, alias, context.getRealm().getName());
            return false;
        }
        new IdentityProviderRedirect().to(context, alias);
        return true;
    }
}
