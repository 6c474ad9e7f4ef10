package vn.binhduong.keycloak.otp.sender.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSmsSenderTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachMessageIsOneJsonLineAppendedToTheOutboxFile(@TempDir Path dir) throws Exception {
        OutboxSmsSender sender = new OutboxSmsSender(dir.resolve("nested"), json);

        sender.send("+84326926565", "Mã xác thực của bạn là 012345. \"quoted\"\nsecond line");
        sender.send("+84912345678", "second");

        List<String> lines = Files.readAllLines(dir.resolve("nested").resolve(OutboxSmsSender.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("to").asText()).isEqualTo("+84326926565");
        assertThat(first.path("text").asText()).isEqualTo("Mã xác thực của bạn là 012345. \"quoted\"\nsecond line");
        assertThat(first.path("time").asText()).isNotEmpty();
        assertThat(json.readTree(lines.get(1)).path("to").asText()).isEqualTo("+84912345678");
    }

    @Test
    void thePageReadsTheLatestMessagesFirstForOnePhoneOrAll(@TempDir Path dir) throws Exception {
        OutboxSmsSender sender = new OutboxSmsSender(dir, json);
        OutboxMessages messages = new OutboxMessages(dir, json);
        assertThat(messages.latest(null, 10)).isEmpty();

        sender.send("+84326926565", "first");
        sender.send("+84912345678", "other phone");
        sender.send("+84326926565", "second");

        assertThat(messages.latest(null, 10)).extracting(OutboxMessage::text).containsExactly("second", "other phone", "first");
        assertThat(messages.latest("+84326926565", 10)).extracting(OutboxMessage::text).containsExactly("second", "first");
        assertThat(messages.latest(null, 1)).extracting(OutboxMessage::text).containsExactly("second");
    }
}
