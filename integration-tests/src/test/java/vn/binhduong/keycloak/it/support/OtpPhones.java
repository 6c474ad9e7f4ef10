package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test set-up of users who already have a proven OTP phone. The one place tests know how an OTP phone is stored,
 * so the storage can change without touching the tests.
 */
public final class OtpPhones {

    private OtpPhones() {
    }

    /** Creates an enabled user with a password and the OTP phone {@code phoneE164} as its receiver; returns its id. */
    public static String createUser(AdminApi admin, String username, String password, String lastName, String firstName,
                                    String phoneE164, String... groups) throws IOException, InterruptedException {
        String id = admin.createUser(username, password, lastName, firstName, groups);
        String path = "/realms/" + KeycloakUnderTest.REALM + "/users/" + id;
        ObjectNode user = (ObjectNode) admin.get(path);
        user.putObject("attributes").putArray("bd_otp_phone").add(phoneE164);
        HttpResponse<String> response = admin.send("PUT", path, user);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("OTP phone for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return id;
    }
}
