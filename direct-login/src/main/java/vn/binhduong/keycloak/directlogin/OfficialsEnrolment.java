package vn.binhduong.keycloak.directlogin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;

/**
 * Adds officials to the direct-login group, or removes them, by ID number (their username), as Keycloak's own
 * "join group" does: one {@code GROUP_MEMBERSHIP} admin event per change. The report names every listed number
 * under one outcome, and the officials in the group who cannot sign in directly yet (no OTP phone, no password).
 */
final class OfficialsEnrolment {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupModel group;
    private final OtpPhoneLookup phones = new OtpPhoneLookup();

    OfficialsEnrolment(KeycloakSession session, RealmModel realm, GroupModel group) {
        this.session = session;
        this.realm = realm;
        this.group = group;
    }

    Map<String, Object> apply(OfficialsAction action, OfficialsList list, AdminEventBuilder adminEvent) {
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> withoutOtpPhone = new ArrayList<>();
        List<String> withoutPassword = new ArrayList<>();
        for (String idNumber : list.idNumbers()) {
            UserModel user = session.users().getUserByUsername(realm, idNumber);
            if (user == null) {
                unknown.add(idNumber);
                continue;
            }
            boolean member = RoleUtils.isDirectMember(user.getGroupsStream(), group);
            if (member == (action == OfficialsAction.ADD)) {
                unchanged.add(idNumber);
            } else {
                change(action, user, adminEvent);
                changed.add(idNumber);
            }
            if (action == OfficialsAction.ADD) {
                if (phones.all(user).isEmpty()) {
                    withoutOtpPhone.add(idNumber);
                }
                if (user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findAny().isEmpty()) {
                    withoutPassword.add(idNumber);
                }
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("action", action.name().toLowerCase());
        report.put("group", ModelToRepresentation.buildGroupPath(group));
        report.put(action == OfficialsAction.ADD ? "added" : "removed", changed);
        report.put(action == OfficialsAction.ADD ? "alreadyEnrolled" : "notEnrolled", unchanged);
        report.put("unknown", unknown);
        report.put("malformed", list.malformed());
        if (action == OfficialsAction.ADD) {
            report.put("withoutOtpPhone", withoutOtpPhone);
            report.put("withoutPassword", withoutPassword);
        }
        return report;
    }

    private void change(OfficialsAction action, UserModel user, AdminEventBuilder adminEvent) {
        if (action == OfficialsAction.ADD) {
            user.joinGroup(group);
        } else {
            user.leaveGroup(group);
        }
        adminEvent.operation(action == OfficialsAction.ADD ? OperationType.CREATE : OperationType.DELETE)
                .resource(ResourceType.GROUP_MEMBERSHIP)
                .representation(ModelToRepresentation.toRepresentation(group, true))
                .resourcePath("users", user.getId(), "groups", group.getId())
                .detail(UserModel.USERNAME, user.getUsername())
                .success();
    }
}
