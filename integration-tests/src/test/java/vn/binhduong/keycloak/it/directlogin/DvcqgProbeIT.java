package vn.binhduong.keycloak.it.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * The DVCQG health probe in a real Keycloak: the DVCQG stand-in stops and starts answering, the probe (one-second
 * interval set through the REST endpoint) reports the status and, under the {@code auto} policy, switches direct
 * login on and off. Other classes share the server, so each test ends with the defaults: manual, 60 s, switch off.
 */
@ExtendWith(KeycloakExtension.class)
class DvcqgProbeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String FAST_AUTO = "{\"policy\":\"auto\",\"intervalSeconds\":1,\"timeoutMs\":1000,"
            + "\"failuresToSwitchOn\":2,\"successesToSwitchOff\":2}";

    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final DvcqgStandIn dvcqg;

    DvcqgProbeIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.dvcqg = standIns.dvcqg();
    }

    @BeforeEach
    @AfterEach
    void defaults() throws Exception {
        dvcqg.healthy();
        assertThat(settings("{\"policy\":\"manual\",\"intervalSeconds\":60,\"timeoutMs\":5000,"
                + "\"failuresToSwitchOn\":3,\"successesToSwitchOff\":3}").statusCode()).isEqualTo(200);
        directLogin.switchOff();
    }

    @Test
    void autoSwitchesOnWhenDvcqgIsDownAndOffWhenItIsBack() throws Exception {
        assertThat(settings(FAST_AUTO).statusCode()).isEqualTo(200);
        awaitStatus(s -> s.path("dvcqg").path("status").asText().equals("UP"), "DVCQG up at first");

        long downAt = Instant.now().toEpochMilli();
        dvcqg.down();
        JsonNode on = awaitStatus(s -> s.path("enabled").asBoolean(), "switched on by the probe");
        assertThat(on.path("changedBy").asText()).isEqualTo("auto");
        assertThat(on.path("reason").asText()).startsWith("auto: không kết nối được DVCQG");
        assertThat(on.path("dvcqg").path("status").asText()).isEqualTo("DOWN");
        assertThat(on.path("dvcqg").path("failuresInARow").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(on.path("dvcqg").path("lastProblem").asText()).isNotBlank();

        dvcqg.healthy();
        JsonNode off = awaitStatus(s -> !s.path("enabled").asBoolean(), "switched off by the probe");
        assertThat(off.path("changedBy").asText()).isEqualTo("auto");
        assertThat(off.path("reason").asText()).startsWith("auto: DVCQG hoạt động trở lại");
        assertThat(off.path("dvcqg").path("status").asText()).isEqualTo("UP");
        assertThat(off.path("dvcqg").path("successesInARow").asInt()).isGreaterThanOrEqualTo(2);

        List<String> switchReasons = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (JsonNode event : admin.get("/realms/" + KeycloakUnderTest.REALM
                + "/admin-events?resourceTypes=REALM&operationTypes=UPDATE&max=200")) {
            if (event.path("time").asLong() < downAt) {
                continue;
            }
            JsonNode representation = JSON.readTree(event.path("representation").asText("{}"));
            if (event.path("resourcePath").asText().equals("bd-direct-login") && representation.path("changedBy").asText().equals("auto")) {
                switchReasons.add(representation.path("reason").asText());
                assertThat(event.path("authDetails").path("userId").isMissingNode() || event.path("authDetails").path("userId").isNull())
                        .as("an automatic change has no administrator").isTrue();
            } else if (event.path("resourcePath").asText().equals("bd-direct-login/dvcqg-status")) {
                statuses.add(representation.path("status").asText());
            }
        }
        // Newest first; the switchOff of @AfterEach has not run yet.
        assertThat(statuses).containsExactly("UP", "DOWN");
        assertThat(switchReasons).hasSize(2);
        assertThat(switchReasons.get(0)).startsWith("auto: DVCQG hoạt động trở lại");
        assertThat(switchReasons.get(1)).startsWith("auto: không kết nối được DVCQG");
    }

    @Test
    void manualOnlyReportsTheStatusAndLeavesTheSwitchAlone() throws Exception {
        assertThat(settings(FAST_AUTO.replace("auto", "manual")).statusCode()).isEqualTo(200);
        awaitStatus(s -> s.path("dvcqg").path("status").asText().equals("UP"), "DVCQG up at first");

        dvcqg.down();
        JsonNode down = awaitStatus(s -> s.path("dvcqg").path("status").asText().equals("DOWN"), "DVCQG seen down");

        assertThat(down.path("enabled").asBoolean()).isFalse();
        assertThat(down.path("dvcqg").path("settings").path("policy").asText()).isEqualTo("manual");
        dvcqg.healthy();
        JsonNode up = awaitStatus(s -> s.path("dvcqg").path("status").asText().equals("UP"), "DVCQG seen up again");
        assertThat(up.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void badSettingsGetAVietnameseMessageAndChangeNothing() throws Exception {
        for (String body : List.of("{\"policy\":\"sometimes\"}", "{\"intervalSeconds\":0}", "{\"timeoutMs\":999999}",
                "{\"failuresToSwitchOn\":0}", "{\"successesToSwitchOff\":1000}", "{\"identityProvider\":\"khong-co\"}",
                "not json")) {
            HttpResponse<String> response = settings(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).as(body).contains("phải");
        }
        JsonNode settings = JSON.readTree(directLogin.get(admin.token()).body()).path("dvcqg").path("settings");
        assertThat(settings.path("policy").asText()).isEqualTo("manual");
        assertThat(settings.path("intervalSeconds").asInt()).isEqualTo(60);
        assertThat(settings.path("identityProvider").asText()).isEqualTo("dvcqg");
        assertThat(directLogin.putProbeSettings(null, FAST_AUTO).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> settings(String json) throws Exception {
        return directLogin.putProbeSettings(admin.token(), json);
    }

    private JsonNode awaitStatus(Predicate<JsonNode> condition, String what) throws Exception {
        return Eventually.await(WAIT, what, () -> JSON.readTree(directLogin.get(admin.token()).body()), condition);
    }
}
