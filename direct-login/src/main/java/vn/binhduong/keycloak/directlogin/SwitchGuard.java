package vn.binhduong.keycloak.directlogin;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;

/**
 * The check every second-factor step of the direct login makes before anything else. Keycloak runs only the posted
 * step's action, never the password step again, so a login whose password passed while the switch was on ends with
 * the "off" page (and an event) once the switch is off or its expiry has passed.
 */
final class SwitchGuard {

    private SwitchGuard() {
    }

    static boolean open(AuthenticationFlowContext context) {
        if (new DirectLoginSwitch(context.getSession(), context.getRealm()).isOpen(Time.currentTime())) {
            return true;
        }
        context.getEvent().user(context.getUser()).error(DirectLoginFormAuthenticator.ERROR_DIRECT_LOGIN_OFF);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, context.form()
                .setError(DirectLoginFormAuthenticator.MSG_OFF).createErrorPage(Response.Status.FORBIDDEN));
        return false;
    }
}
