package vn.binhduong.keycloak.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;

/**
 * The shipped realm file, imported where its secrets were not supplied, is refused with the variable's name. The
 * admin API runs the same realm import (and so the same check) as the start-up import.
 */
@ExtendWith(KeycloakExtension.class)
class RealmImportCheckIT {

    @Test
    void realmWithAMissingSecretIsRefusedNamingTheVariable(KeycloakServer keycloak, AdminApi admin) throws Exception {
        // What the file import does with an empty environment: optional ${VAR:default} take their defaults.
        String realm = Files.readString(Path.of(System.getProperty("bd.realm.file")))
                .replaceAll("\\$\\{[A-Z][A-Z0-9_]*:([^}]*)}", "$1")
                .replace("\"realm\": \"binhduong\"", "\"realm\": \"binhduong-unset\"");

        HttpResponse<String> response = admin.send("POST", "/realms", realm);

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(admin.send("GET", "/realms/binhduong-unset", null).statusCode()).isEqualTo(404);
        assertThat(keycloak.log()).contains("environment variable BD_MOTCUA_CLIENT_SECRET is not set");
    }

    @Test
    void theShippedRealmWasImportedWithTheSecretFromTheEnvironment(AdminApi admin) throws Exception {
        var clients = admin.get("/realms/" + KeycloakServer.REALM + "/clients?clientId=motcua");
        var secret = admin.get("/realms/" + KeycloakServer.REALM + "/clients/" + clients.get(0).get("id").asText() + "/client-secret");
        assertThat(secret.get("value").asText()).doesNotContain("${");
        assertThat(clients.get(0).get("publicClient").asBoolean()).isFalse();
    }
}
