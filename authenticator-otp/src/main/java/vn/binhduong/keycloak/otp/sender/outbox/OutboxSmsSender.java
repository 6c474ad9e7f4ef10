package vn.binhduong.keycloak.otp.sender.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.keycloak.otp.sender.SmsSendException;
import vn.binhduong.keycloak.otp.sender.SmsSender;

/**
 * Appends each message as one JSON line to {@code <dir>/outbox.jsonl}, where a developer (or a test) reads it.
 * Nothing about the message goes to the server log.
 */
final class OutboxSmsSender implements SmsSender {

    static final String FILE_NAME = "outbox.jsonl";

    private final Path file;
    private final ObjectMapper json;

    OutboxSmsSender(Path dir, ObjectMapper json) {
        this.file = dir.resolve(FILE_NAME);
        this.json = json;
    }

    @Override
    public void send(String phoneE164, String text) throws SmsSendException {
        try {
            String line = json.writeValueAsString(new OutboxMessage(Instant.now().toString(), phoneE164, text)) + "\n";
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new SmsSendException("outbox file not writable: " + e.getClass().getSimpleName(), false, e);
        }
    }
}
