package vn.binhduong.keycloak.directlogin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.services.managers.AuthenticationManager;

import vn.binhduong.keycloak.identifiers.IdNumber;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;
import vn.binhduong.keycloak.otp.phone.PhoneBindings;

/**
 * The mobile number of a user's OTP phone as the login name of the direct-login form. The number is found through
 * the OTP phones' HMAC bindings (an indexed attribute search, no scan of all users); the form's username is then
 * replaced by the holder's username, or, for a number nobody eligible holds, by its masked form, which no account
 * has: Keycloak's check then runs its dummy hash and answers as for a wrong password, so the answer and the work do
 * not tell whether a number is registered. Events and auth notes see the masked number only.
 */
final class PhoneLogin {

    static final String DETAIL_IDENTIFIER = "bd_login_identifier";

    private static final Pattern PHONE_SHAPE = Pattern.compile("(\\+|0)\\d{6,15}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private final GroupModel eligible;

    PhoneLogin(GroupModel eligible) {
        this.eligible = eligible;
    }

    /** The typed login name as an E.164 mobile number, if it is written as one ({@code 0…}, {@code +84…}, spaces allowed). */
    static Optional<String> typedPhone(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(typed).replaceAll("");
        // ID numbers (9-digit CMND, 12-digit CCCD) are never read as phone numbers, even those that start with 0.
        if (IdNumber.isIdNumber(compact) || !PHONE_SHAPE.matcher(compact).matches()) {
            return Optional.empty();
        }
        return PhoneNumbers.normalizeMobile(compact);
    }

    /**
     * With phone login off: a phone number typed as the login name still reaches Keycloak's check (and its events
     * and log) only masked; it is no username there anyway.
     */
    static MultivaluedMap<String, String> masked(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        Optional<String> phone = phoneNotUsername(context, formData);
        if (phone.isEmpty()) {
            return formData;
        }
        MultivaluedMap<String, String> masked = new MultivaluedHashMap<>(formData);
        masked.putSingle(AuthenticationManager.FORM_USERNAME, PhoneNumbers.mask(phone.get()));
        return masked;
    }

    /** The typed login name as a phone number, unless it is an existing username (an enterprise's tax code can look like one). */
    private static Optional<String> phoneNotUsername(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        String typed = formData.getFirst(AuthenticationManager.FORM_USERNAME);
        Optional<String> phone = typedPhone(typed);
        if (phone.isEmpty()
                || KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(), typed.trim()) != null) {
            return Optional.empty();
        }
        return phone;
    }

    /**
     * The form data the password check should see: unchanged when the login name is not a phone number or is an
     * existing username, else with the username replaced.
     */
    MultivaluedMap<String, String> identify(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        Optional<String> phone = phoneNotUsername(context, formData);
        if (phone.isEmpty()) {
            return formData;
        }
        List<UserModel> holders = new PhoneBindings(context.getSession(), context.getRealm()).holders(phone.get())
                .filter(holder -> RoleUtils.isMember(holder.getGroupsStream(), eligible)).limit(2).toList();
        MultivaluedMap<String, String> identified = new MultivaluedHashMap<>(formData);
        // Two holders happen only with unique numbers switched off: nobody can tell which account is meant.
        identified.putSingle(AuthenticationManager.FORM_USERNAME,
                holders.size() == 1 ? holders.get(0).getUsername() : PhoneNumbers.mask(phone.get()));
        context.getEvent().detail(DETAIL_IDENTIFIER, "phone");
        return identified;
    }
}
