package vn.binhduong.keycloak.it.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The adversarial suite's figures, one row per promise, gathered in {@code target/security/report.md}. Each test
 * writes its row under a stable id (a file of its own), and the report is rebuilt from all rows after every write,
 * so a rerun of one test replaces its row and test classes can run in any order.
 */
public final class SecurityReport {

    private static final Path DIR = Path.of(System.getProperty("bd.build.dir", "target"), "security");
    private static final Path ROWS = DIR.resolve("rows");

    private SecurityReport() {
    }

    /**
     * @param id      stable key, e.g. {@code 01-password-grant}; rows are sorted by it
     * @param promise what is promised, in one sentence
     * @param attempt what was tried, with its count
     * @param outcome the figure observed (e.g. "0 tokens, 0 SMS")
     * @param test    the test that proves it ({@code Class#method})
     */
    public static synchronized void record(String id, String promise, String attempt, String outcome, String test) {
        try {
            Files.createDirectories(ROWS);
            Files.writeString(ROWS.resolve(id + ".md"), "| " + String.join(" | ", cell(promise), cell(attempt),
                    cell(outcome), cell(test)) + " |\n", StandardCharsets.UTF_8);
            List<String> rows;
            try (Stream<Path> files = Files.list(ROWS)) {
                rows = files.sorted().map(SecurityReport::read).toList();
            }
            Files.writeString(DIR.resolve("report.md"), "# Security report\n\n"
                    + "Figures measured by the adversarial suite against the real Keycloak with the bundle installed.\n\n"
                    + "| promise | attempt | outcome | test |\n|---|---|---|---|\n" + String.join("", rows),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
