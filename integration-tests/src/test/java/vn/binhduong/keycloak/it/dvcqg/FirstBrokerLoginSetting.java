package vn.binhduong.keycloak.it.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakServer;

/** The first broker login flow's "create accounts for unknown people", switched as an admin does in the console. */
final class FirstBrokerLoginSetting {

    private FirstBrokerLoginSetting() {
    }

    static void allowNewAccounts(AdminApi admin, boolean allowed) throws Exception {
        JsonNode executions = admin.get("/realms/" + KeycloakServer.REALM + "/authentication/flows/bd-first-broker-login/executions");
        for (JsonNode execution : executions) {
            if ("bd-dvcqg-provisioned-user".equals(execution.path("providerId").asText())) {
                String path = "/realms/" + KeycloakServer.REALM + "/authentication/config/" + execution.get("authenticationConfig").asText();
                ObjectNode config = (ObjectNode) admin.get(path);
                ((ObjectNode) config.get("config")).put("bd.dvcqg.createUnknownUsers", String.valueOf(allowed));
                var response = admin.send("PUT", path, config);
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("PUT " + path + ": " + response.statusCode() + " " + response.body());
                }
                return;
            }
        }
        throw new IllegalStateException("no bd-dvcqg-provisioned-user step in bd-first-broker-login");
    }
}
