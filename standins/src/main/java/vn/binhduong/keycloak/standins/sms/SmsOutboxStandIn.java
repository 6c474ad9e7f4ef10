package vn.binhduong.keycloak.standins.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.keycloak.standins.StandIn;

/**
 * The directory of Keycloak's {@code outbox} sms-sender (here the secondary provider, reached on failover), and
 * a reader of the messages it wrote.
 */
public final class SmsOutboxStandIn implements StandIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private SmsOutboxStandIn(Path dir) {
        this.dir = dir;
    }

    public static SmsOutboxStandIn start() {
        try {
            return new SmsOutboxStandIn(Files.createTempDirectory("bd-sms-outbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> serverOptions() {
        return Map.of("spi-sms-sender--outbox--dir", dir.toString());
    }

    /** Messages written so far, oldest first; the receiver in E.164 form. */
    public List<SmsMessage> messages() {
        Path file = dir.resolve("outbox.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<SmsMessage> messages = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    messages.add(new SmsMessage(node.path("to").asText(), node.path("text").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    public Optional<String> lastCodeTo(String phoneE164) {
        List<SmsMessage> to = messages().stream().filter(m -> m.to().equals(phoneE164)).toList();
        return to.isEmpty() ? Optional.empty() : to.get(to.size() - 1).code();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
