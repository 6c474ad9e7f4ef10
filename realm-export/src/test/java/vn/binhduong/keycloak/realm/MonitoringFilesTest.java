package vn.binhduong.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The shape of the monitoring files under {@code docker/monitoring}; MetricsIT checks that every meter they name is
 * one a running server exposes.
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("../docker/monitoring");

    @Test
    void everyAlertHasAnExpressionASeverityAndABilingualSummary() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("prometheus-alerts.yaml").toFile());
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertThat(rule.path("expr").asText()).as(alert).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText()).as(alert).contains(" / ");
            }
        }
        assertThat(alerts).doesNotHaveDuplicates()
                .contains("BdDvcqgDown", "BdDirectLoginLeftOn", "BdSmsFailureRatioHigh", "BdSmsPumpingSuspected");
    }

    @Test
    void everyDashboardPanelQueriesTheImportedDataSource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        assertThat(dashboard.path("__inputs").get(0).path("name").asText()).isEqualTo("DS_PROMETHEUS");
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
                queries++;
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(8);
    }
}
