package vn.binhduong.keycloak.otp.sender.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the outbox file that {@link OutboxSmsSender} appends to. */
final class OutboxMessages {

    private final Path file;
    private final ObjectMapper json;

    OutboxMessages(Path dir, ObjectMapper json) {
        this.file = dir.resolve(OutboxSmsSender.FILE_NAME);
        this.json = json;
    }

    /** The latest messages first, at most {@code limit}; only those to {@code to} (E.164) when it is given. */
    List<OutboxMessage> latest(String to, int limit) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Collections.reverse(lines);
        List<OutboxMessage> messages = new ArrayList<>();
        for (String line : lines) {
            if (messages.size() >= limit) {
                break;
            }
            if (!line.isBlank()) {
                OutboxMessage message = json.readValue(line, OutboxMessage.class);
                if (to == null || to.equals(message.to())) {
                    messages.add(message);
                }
            }
        }
        return messages;
    }
}
