package vn.binhduong.keycloak.otp.phone.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import vn.binhduong.keycloak.otp.phone.OtpPhoneCredentialModel;
import vn.binhduong.keycloak.otp.phone.OtpPhoneLookup;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;

/**
 * {@code GET /realms/{realm}/bd-otp-phones}: the signed-in user's own OTP phones, numbers in full (their owner may
 * read them), for the account console's "Đăng ký OTP" page. The caller is the browser's Keycloak SSO session
 * (the identity cookie, sent only to this server's realm path): the page cannot reach the console's token. Read
 * only; every change goes through the {@code bd-register-otp-phone} action.
 */
public class OtpPhonesResource {

    private final KeycloakSession session;

    public OtpPhonesResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response phones() {
        RealmModel realm = session.getContext().getRealm();
        AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        if (signedIn == null) {
            return Response.status(Response.Status.UNAUTHORIZED).cacheControl(noStore)
                    .entity(Map.of("error", "not_signed_in")).build();
        }
        List<Map<String, Object>> phones = new OtpPhoneLookup().all(signedIn.user()).stream().map(OtpPhonesResource::view).toList();
        return Response.ok(Map.of("phones", phones)).cacheControl(noStore).build();
    }

    private static Map<String, Object> view(OtpPhoneCredentialModel phone) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", phone.getId());
        view.put("phone", phone.phone());
        view.put("display", PhoneNumbers.display(phone.phone()));
        view.put("receiver", phone.isReceiver());
        return view;
    }
}
