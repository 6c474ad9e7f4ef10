package vn.binhduong.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every visible text of a module's pages comes from a messages file, in both languages. A module with templates or
 * messages ({@code theme/} or {@code theme-resources/} under {@code src/main/resources}) runs these checks on its
 * own sources with a test class that implements this interface (surefire runs in the module's directory).
 */
public interface ThemeTexts {

    Path RESOURCES = Path.of("src/main/resources");

    @Test
    default void moduleHasTemplatesOrMessages() throws IOException {
        assertThat(themeFiles(".ftl").size() + themeFiles("messages_vi.properties").size())
                .as("templates or messages under " + RESOURCES.toAbsolutePath()).isPositive();
    }

    @Test
    default void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : themeFiles(".ftl")) {
            for (String text : LiteralText.of(Files.readString(template, StandardCharsets.UTF_8))) {
                literals.add(RESOURCES.relativize(template) + ": \"" + text + "\"");
            }
        }

        assertThat(literals).as("text outside ${msg(...)} in templates").isEmpty();
    }

    @Test
    default void everyMessageKeyExistsInVietnameseAndEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path vi : themeFiles("messages_vi.properties")) {
            Path en = vi.resolveSibling("messages_en.properties");
            if (!Files.exists(en)) {
                problems.add(RESOURCES.relativize(en) + " is missing");
                continue;
            }
            Set<String> viKeys = keys(vi);
            Set<String> enKeys = keys(en);
            missing(viKeys, enKeys).forEach(k -> problems.add(RESOURCES.relativize(en) + " lacks " + k));
            missing(enKeys, viKeys).forEach(k -> problems.add(RESOURCES.relativize(vi) + " lacks " + k));
        }
        for (Path en : themeFiles("messages_en.properties")) {
            if (!Files.exists(en.resolveSibling("messages_vi.properties"))) {
                problems.add(RESOURCES.relativize(en.resolveSibling("messages_vi.properties")) + " is missing");
            }
        }

        assertThat(problems).isEmpty();
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> result = new TreeSet<>(from);
        result.removeAll(in);
        return result;
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new HashSet<>(properties.stringPropertyNames());
    }

    /** The module's files under {@code theme/} and {@code theme-resources/} whose name ends so, sorted. */
    private static List<Path> themeFiles(String nameEnd) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String root : List.of("theme", "theme-resources")) {
            Path dir = RESOURCES.resolve(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(nameEnd)).sorted().forEach(found::add);
                }
            }
        }
        return found;
    }
}
