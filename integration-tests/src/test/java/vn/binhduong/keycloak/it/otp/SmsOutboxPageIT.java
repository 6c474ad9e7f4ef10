package vn.binhduong.keycloak.it.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;

/**
 * The outbox's reading page in the dev-mode test server ({@code start-dev}): it lists what the outbox file holds
 * (the outbox's default directory under the Keycloak home), latest first. The production side (404) is in
 * ProductionModeIT.
 */
@ExtendWith(KeycloakExtension.class)
class SmsOutboxPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void inDevModeThePageListsTheOutboxLatestFirst(KeycloakServer keycloak) throws Exception {
        // A phone no other test uses, and texts without codes: nothing here is an SMS the log scan looks for.
        String phone = "+8439" + System.nanoTime() % 10_000_000;
        Path outbox = Path.of(System.getProperty("bd.keycloak.home"), "data", "sms-outbox", "outbox.jsonl");
        Files.createDirectories(outbox.getParent());
        for (String text : new String[] {"Tin nhắn thử thứ nhất", "Tin nhắn thử thứ hai"}) {
            Files.writeString(outbox, JSON.writeValueAsString(JSON.createObjectNode()
                    .put("time", "2026-11-23T18:00:00Z").put("to", phone).put("text", text)) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        String page = keycloak.realmUrl() + "/bd-sms-outbox?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);

        HttpResponse<String> all = get(page);
        HttpResponse<String> latest = get(page + "&limit=1");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode messages = JSON.readTree(all.body());
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("to").asText()).isEqualTo(phone);
        assertThat(messages.get(0).path("text").asText()).isEqualTo("Tin nhắn thử thứ hai");
        assertThat(messages.get(1).path("text").asText()).isEqualTo("Tin nhắn thử thứ nhất");
        assertThat(JSON.readTree(latest.body())).hasSize(1);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
