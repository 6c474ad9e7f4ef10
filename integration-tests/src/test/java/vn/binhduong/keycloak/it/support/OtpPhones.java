package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test set-up of users who already have a proven OTP phone. The one place tests know how an OTP phone is stored
 * (a {@code bd-otp-phone} credential), so the storage can change without touching the tests.
 */
public final class OtpPhones {

    /** The credential type of an OTP phone. */
    public static final String CREDENTIAL_TYPE = "bd-otp-phone";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OtpPhones() {
    }

    /**
     * Creates an enabled user with a password and the OTP phone {@code phoneE164} as its receiver, in one admin REST
     * call (as an operator's import would: a {@code credentials} entry of our type); returns its id.
     */
    public static String createUser(AdminApi admin, String username, String password, String lastName, String firstName,
                                    String phoneE164, String... groups) throws IOException, InterruptedException {
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("lastName", lastName).put("firstName", firstName);
        var credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
        credentials.addObject().put("type", CREDENTIAL_TYPE).put("credentialData",
                JSON.createObjectNode().put("phone", phoneE164).put("receiver", true).toString());
        var groupArray = user.putArray("groups");
        for (String group : groups) {
            groupArray.add(group);
        }
        HttpResponse<String> response = admin.send("POST", "/realms/" + KeycloakUnderTest.REALM + "/users", user);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create user " + username + " with OTP phone: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
