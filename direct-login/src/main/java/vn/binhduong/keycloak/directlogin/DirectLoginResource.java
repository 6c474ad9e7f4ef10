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
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /realms/{realm}/bd-direct-login}: read (view-realm) the direct-login switch and the DVCQG health probe's
 * status, set (manage-realm) the switch and, under {@code /dvcqg-probe}, the probe's settings; enrol officials in
 * the direct-login group under {@code /officials} (manage-users or manage-realm).
 * The bearer token is checked exactly as the admin REST API checks it, so a master-realm admin token (curl,
 * {@code kcadm.sh}) and a token of this realm's own administrators both work.
 */
public class DirectLoginResource {

    private final KeycloakSession session;

    public DirectLoginResource(KeycloakSession session) {
        this.session = session;
    }

    // Since Keycloak 23 (RESTEasy Reactive) a sub-resource method needs its own @Path, even an empty one.
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        RealmModel realm = session.getContext().getRealm();
        AdminPermissions.evaluator(session, realm, authenticate(realm)).realm().requireViewRealm();
        Map<String, Object> view = new DirectLoginSwitch(session, realm).read().toView(Time.currentTime());
        view.put("dvcqg", probeView(realm));
        return view;
    }

    /** The DVCQG health probe's settings (body: any of them; see {@link DvcqgProbeChange}); manage-realm. */
    @PUT
    @Path("dvcqg-probe")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeProbe(String body) {
        RealmModel realm = session.getContext().getRealm();
        AdminAuth auth = authenticate(realm);
        AdminPermissions.evaluator(session, realm, auth).realm().requireManageRealm();

        DvcqgProbeSettings settings;
        try {
            DvcqgProbeChange change = readBody(body, DvcqgProbeChange.class);
            settings = change.applyTo(DvcqgProbeSettings.read(realm));
        } catch (IOException e) {
            return badRequest("Nội dung không phải JSON hợp lệ: {\"policy\": \"manual\"|\"auto\", \"intervalSeconds\": số, "
                    + "\"timeoutMs\": số, \"failuresToSwitchOn\": số, \"successesToSwitchOff\": số, \"identityProvider\": \"dvcqg\"}.");
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        if (session.identityProviders().getByAlias(settings.identityProvider()) == null) {
            return badRequest("\"identityProvider\" phải là alias của một identity provider trong realm; không có \""
                    + settings.identityProvider() + "\".");
        }
        settings.write(realm);

        Map<String, Object> view = probeView(realm);
        new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath(DirectLoginResourceProviderFactory.PROVIDER_ID, "dvcqg-probe")
                .representation(settings.toView())
                .detail("policy", settings.policy().value())
                .success();
        return Response.ok(view).build();
    }

    private Map<String, Object> probeView(RealmModel realm) {
        Map<String, Object> view = DvcqgHealth.read(session, realm).toView();
        view.put("settings", DvcqgProbeSettings.read(realm).toView());
        return view;
    }

    @PUT
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(String body) {
        RealmModel realm = session.getContext().getRealm();
        AdminAuth auth = authenticate(realm);
        AdminPermissions.evaluator(session, realm, auth).realm().requireManageRealm();

        long now = Time.currentTime();
        DirectLoginState state;
        try {
            DirectLoginChange change = readBody(body, DirectLoginChange.class);
            state = change.toState(now, auth.getRealm().getName() + "/" + auth.getUser().getUsername());
        } catch (IOException e) {
            return badRequest("Nội dung không phải JSON hợp lệ: {\"enabled\": true|false, \"reason\": \"...\", "
                    + "\"ttlSeconds\": số giây hoặc \"expiresAt\": giây kể từ 1970-01-01 UTC}.");
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        SwitchWriter.write(session, realm, state,
                new AdminEventBuilder(realm, auth, session, session.getContext().getConnection()), now);
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
        RealmModel realm = session.getContext().getRealm();
        AdminAuth auth = authenticate(realm);
        AdminPermissionEvaluator permissions = AdminPermissions.evaluator(session, realm, auth);
        if (!permissions.users().canManage() && !permissions.realm().canManageRealm()) {
            throw new ForbiddenException();
        }
        OfficialsAction action;
        OfficialsList list;
        try {
            action = OfficialsAction.of(actionName);
            list = OfficialsList.parse(body);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        List<String> groups = DirectLoginFormAuthenticatorFactory.allowedGroupPaths(realm).toList();
        if (groups.size() > 1) {
            return badRequest("Realm có nhiều bước đăng nhập trực tiếp với các nhóm khác nhau (" + String.join(", ", groups)
                    + "); thêm cán bộ vào đúng nhóm trong trang quản trị.");
        }
        String path = groups.isEmpty() ? "/" + DirectLoginFormAuthenticatorFactory.DEFAULT_ALLOWED_GROUP : groups.get(0);
        GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
        if (group == null) {
            return badRequest("Nhóm đăng nhập trực tiếp " + path + " không tồn tại trong realm.");
        }
        return Response.ok(new OfficialsEnrolment(session, realm, group).apply(action, list,
                new AdminEventBuilder(realm, auth, session, session.getContext().getConnection()))).build();
    }

    /** Authenticates the caller like {@link AdminRoot} does, then puts the realm of the URL back in the context. */
    private AdminAuth authenticate(RealmModel realm) {
        try {
            return AdminRoot.authenticateRealmAdminRequest(session);
        } finally {
            session.getContext().setRealm(realm);
        }
    }

    /** The body as a JSON object; {@code null}, a bare value or nothing at all is as unreadable as broken JSON. */
    private static <T> T readBody(String body, Class<T> type) throws IOException {
        T value = body == null || body.isBlank() ? null : JsonSerialization.readValue(body, type);
        if (value == null) {
            throw new IOException("no JSON object");
        }
        return value;
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }
}
