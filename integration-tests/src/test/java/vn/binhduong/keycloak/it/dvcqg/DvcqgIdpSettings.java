package vn.binhduong.keycloak.it.dvcqg;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakServer;

/** The {@code dvcqg} identity provider's settings, changed as an admin does in the console, and put back after. */
final class DvcqgIdpSettings {

    private static final String PATH = "/realms/" + KeycloakServer.REALM + "/identity-provider/instances/dvcqg";

    private final AdminApi admin;
    private final JsonNode original;

    DvcqgIdpSettings(AdminApi admin) throws Exception {
        this.admin = admin;
        this.original = admin.get(PATH);
    }

    void set(Map<String, String> settings) throws Exception {
        ObjectNode changed = original.deepCopy();
        settings.forEach(((ObjectNode) changed.get("config"))::put);
        put(changed);
    }

    void restore() throws Exception {
        put(original);
    }

    private void put(JsonNode representation) throws Exception {
        var response = admin.send("PUT", PATH, representation);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("PUT " + PATH + ": " + response.statusCode() + " " + response.body());
        }
    }
}
