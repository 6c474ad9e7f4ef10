package vn.binhduong.keycloak.directlogin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /admin/realms/{realm}/bd-direct-login}: read (view-realm) the direct-login switch and the DVCQG health
 * probe's status, set (manage-realm) the switch and, under {@code /dvcqg-probe}, the probe's settings; enrol
 * officials in the direct-login group under {@code /officials} (manage-users or manage-realm). Keycloak's admin
 * REST API has authenticated the caller (a master-realm admin or one of this realm's) and hands over its
 * permissions and admin event builder; refusals are in the administrator's language ({@link AdminTexts}).
 */
public class DirectLoginResource {

    private static final String SWITCH_JSON = "{\"enabled\": true|false, \"reason\": \"...\", "
            + "\"ttlSeconds\": …, \"expiresAt\": … (UTC epoch seconds)}";
    private static final String PROBE_JSON = "{\"policy\": \"manual\"|\"auto\", \"intervalSeconds\": …, \"timeoutMs\": …, "
            + "\"failuresToSwitchOn\": …, \"successesToSwitchOff\": …, \"identityProvider\": \"dvcqg\"}";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public DirectLoginResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                               AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    // Since Keycloak 23 (RESTEasy Reactive) a sub-resource method needs its own @Path, even an empty one.
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        auth.realm().requireViewRealm();
        Map<String, Object> view = new DirectLoginSwitch(session, realm).read().toView(Time.currentTime());
        view.put("dvcqg", probeView());
        return view;
    }

    /** The DVCQG health probe's settings (body: any of them; see {@link DvcqgProbeChange}); manage-realm. */
    @PUT
    @Path("dvcqg-probe")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeProbe(String body) {
        auth.realm().requireManageRealm();
        DvcqgProbeSettings settings;
        try {
            settings = readBody(body, DvcqgProbeChange.class, PROBE_JSON).applyTo(DvcqgProbeSettings.read(realm));
            if (session.identityProviders().getByAlias(settings.identityProvider()) == null) {
                throw new AdminRefusal("bdDvcqgProbeApiUnknownIdentityProvider", settings.identityProvider());
            }
        } catch (AdminRefusal refusal) {
            return badRequest(refusal);
        }
        settings.write(realm);

        adminEvent.resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath(DirectLoginResourceProviderFactory.PROVIDER_ID, "dvcqg-probe")
                .representation(settings.toView())
                .detail("policy", settings.policy().value())
                .success();
        return Response.ok(probeView()).build();
    }

    private Map<String, Object> probeView() {
        Map<String, Object> view = DvcqgHealth.read(session, realm).toView();
        view.put("settings", DvcqgProbeSettings.read(realm).toView());
        return view;
    }

    @PUT
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(String body) {
        auth.realm().requireManageRealm();
        AdminAuth admin = auth.adminAuth();
        long now = Time.currentTime();
        DirectLoginState state;
        try {
            state = readBody(body, DirectLoginChange.class, SWITCH_JSON)
                    .toState(now, admin.getRealm().getName() + "/" + admin.getUser().getUsername());
        } catch (AdminRefusal refusal) {
            return badRequest(refusal);
        }
        SwitchWriter.write(session, realm, state, adminEvent, now);
        return Response.ok(state.toView(now)).build();
    }

    /**
     * Adds the listed officials to the direct-login group ({@code action=add}, the default) or removes them
     * ({@code action=remove}). Body: ID numbers, one per line or the first column of a CSV. Needs manage-users or
     * manage-realm. Answers a report of every listed number; each change is an admin event.
     */
    @POST
    @Path("officials")
    @Consumes({MediaType.TEXT_PLAIN, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrolOfficials(@QueryParam("action") String actionName, String body) {
        if (!auth.users().canManage() && !auth.realm().canManageRealm()) {
            throw new ForbiddenException();
        }
        try {
            OfficialsAction action = OfficialsAction.of(actionName);
            OfficialsList list = OfficialsList.parse(body);
            return Response.ok(new OfficialsEnrolment(session, realm, officialsGroup()).apply(action, list, adminEvent))
                    .build();
        } catch (AdminRefusal refusal) {
            return badRequest(refusal);
        }
    }

    /** The one group the realm's direct-login steps admit. */
    private GroupModel officialsGroup() {
        List<String> groups = DirectLoginFormAuthenticatorFactory.allowedGroupPaths(realm).toList();
        if (groups.size() > 1) {
            throw new AdminRefusal("bdOfficialsManyGroups", String.join(", ", groups));
        }
        String path = groups.isEmpty() ? "/" + DirectLoginFormAuthenticatorFactory.DEFAULT_ALLOWED_GROUP : groups.get(0);
        GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
        if (group == null) {
            throw new AdminRefusal("bdOfficialsNoGroup", path);
        }
        return group;
    }

    /** The body as a JSON object; {@code null}, a bare value or nothing at all is as unreadable as broken JSON. */
    private static <T> T readBody(String body, Class<T> type, String expected) {
        try {
            T value = body == null || body.isBlank() ? null : JsonSerialization.readValue(body, type);
            if (value != null) {
                return value;
            }
        } catch (IOException e) {
            // refused below
        }
        throw new AdminRefusal("bdDirectLoginApiNotJson", expected);
    }

    private Response badRequest(AdminRefusal refusal) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", AdminTexts.text(session, auth.adminAuth().getUser(), refusal))).build();
    }
}
