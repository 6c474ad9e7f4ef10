package vn.binhduong.keycloak.testclock;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.common.util.Time;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/bd-test-clock}: Keycloak's {@link Time} offset, which every expiry and cooldown of
 * ours and Keycloak's brute-force timing read. The offset is the server's, not the realm's. Every method has its
 * own {@code @Path("")}: RESTEasy Reactive finds a sub-resource's methods only so.
 */
public class TestClockResource {

    private final AdminPermissionEvaluator auth;

    TestClockResource(AdminPermissionEvaluator auth) {
        this.auth = auth;
    }

    /** The current offset in seconds. */
    @GET
    @Path("")
    @Produces(MediaType.TEXT_PLAIN)
    public String offset() {
        auth.realm().requireViewRealm();
        return Integer.toString(Time.getOffset());
    }

    /** Moves the clock forward by {@code seconds}; returns the new offset. */
    @POST
    @Path("")
    @Produces(MediaType.TEXT_PLAIN)
    public String advance(@QueryParam("seconds") int seconds) {
        auth.realm().requireManageRealm();
        if (seconds <= 0) {
            throw new BadRequestException("seconds must be positive");
        }
        Time.setOffset(Time.getOffset() + seconds);
        return Integer.toString(Time.getOffset());
    }

    /** Back to the real time. */
    @DELETE
    @Path("")
    public void reset() {
        auth.realm().requireManageRealm();
        Time.setOffset(0);
    }
}
