package vn.binhduong.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every visible text of a module's pages comes from a messages file, in both languages, and every CSS class key they
 * read is one the stock keycloak.v2 login theme defines (so the pages render under that theme too). A module with templates or
 * messages ({@code theme/} or {@code theme-resources/} under {@code src/main/resources}) runs these checks on its
 * own sources with a test class that implements this interface (surefire runs in the module's directory).
 */
public interface ThemeTexts {

    Path RESOURCES = Path.of("src/main/resources");

    /** A CSS class key in a template: {@code properties.kcX}, {@code properties['kcX']}, or {@code "kcXClass"}. */
    Pattern CLASS_KEY = Pattern.compile("properties(?:\\.|\\[['\"])(kc\\w+)|\"(kc\\w+Class)\"");

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

    /**
     * The class keys our templates read ({@code properties.kc…}, {@code properties['kc…']}, a {@code "kc…Class"}
     * handed to a keycloak.v2 macro) are all defined by keycloak.v2's {@code theme.properties}, read from the
     * {@code keycloak-themes} JAR of the Keycloak version we build against.
     */
    @Test
    default void templatesUseOnlyClassKeysTheStockLoginThemeDefines() throws IOException {
        Properties stock = new Properties();
        try (Reader reader = new InputStreamReader(ThemeTexts.class.getClassLoader()
                .getResourceAsStream("theme/keycloak.v2/login/theme.properties"), StandardCharsets.UTF_8)) {
            stock.load(reader);
        }
        assertThat(stock.stringPropertyNames()).contains("kcFormGroupClass", "kcButtonPrimaryClass");
        List<String> undefined = new ArrayList<>();
        for (Path template : themeFiles(".ftl")) {
            Matcher key = CLASS_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (key.find()) {
                String name = key.group(1) != null ? key.group(1) : key.group(2);
                if (!stock.containsKey(name)) {
                    undefined.add(RESOURCES.relativize(template) + ": " + name);
                }
            }
        }

        assertThat(undefined).as("CSS class keys keycloak.v2 does not define").isEmpty();
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
