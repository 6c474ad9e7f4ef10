package vn.binhduong.keycloak.it.theme;

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
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Every visible text of our pages comes from a messages file, in both languages, and every CSS class key they read
 * is one the stock keycloak.v2 login theme defines. Reads the sources of all
 * modules ({@code theme/} and {@code theme-resources/}); needs no server.
 */
class ThemeTextsIT {

    private static final Path REPO = Path.of(System.getProperty("bd.build.dir")).toAbsolutePath().getParent().getParent();
    /** HTML attributes a user sees or hears (screen readers): their values must be FreeMarker expressions too. */
    private static final Pattern VISIBLE_ATTRIBUTE =
            Pattern.compile("\\b(placeholder|title|alt|aria-label)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** A CSS class key in a template: {@code properties.kcX}, {@code properties['kcX']}, or {@code "kcXClass"}. */
    private static final Pattern CLASS_KEY = Pattern.compile("properties(?:\\.|\\[['\"])(kc\\w+)|\"(kc\\w+Class)\"");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<Path> templates = themeFiles(".ftl");
        assertThat(templates).as("templates found under " + REPO).isNotEmpty();

        List<String> literals = new ArrayList<>();
        for (Path template : templates) {
            for (String text : LiteralText.of(Files.readString(template, StandardCharsets.UTF_8))) {
                literals.add(REPO.relativize(template) + ": \"" + text + "\"");
            }
        }

        assertThat(literals).as("text outside ${msg(...)} in templates").isEmpty();
    }

    @Test
    void literalTextFinderSeesTextAndAttributesButNotExpressions() {
        String template = """
                <#-- a comment -->
                <#if (a > b)><span class="${properties.kcX!}">${msg("key")}</span></#if>
                <input placeholder="Nhập số" aria-label="${msg('k')}"/> Quên mật khẩu?
                <script>const x = "ignored";</script> &nbsp; * «
                """;

        assertThat(LiteralText.of(template)).containsExactly("Nhập số", "Quên mật khẩu?");
    }

    @Test
    void everyMessageKeyExistsInVietnameseAndEnglish() throws IOException {
        List<Path> vietnamese = themeFiles("messages_vi.properties");
        assertThat(vietnamese).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path vi : vietnamese) {
            Path en = vi.resolveSibling("messages_en.properties");
            if (!Files.exists(en)) {
                problems.add(REPO.relativize(en) + " is missing");
                continue;
            }
            Set<String> viKeys = keys(vi);
            Set<String> enKeys = keys(en);
            missing(viKeys, enKeys).forEach(k -> problems.add(REPO.relativize(en) + " lacks " + k));
            missing(enKeys, viKeys).forEach(k -> problems.add(REPO.relativize(vi) + " lacks " + k));
        }
        for (Path en : themeFiles("messages_en.properties")) {
            if (!Files.exists(en.resolveSibling("messages_vi.properties"))) {
                problems.add(REPO.relativize(en.resolveSibling("messages_vi.properties")) + " is missing");
            }
        }

        assertThat(problems).isEmpty();
    }

    /**
     * The CSS class keys our templates read ({@code properties.kc…}, {@code properties['kc…']}, a {@code "kc…Class"}
     * handed to a keycloak.v2 macro) are all defined by the stock keycloak.v2 login theme, read from the distribution
     * the tests boot, so every provider's page is styled under that theme as under ours (which defines none).
     */
    @Test
    void templatesUseOnlyClassKeysTheStockLoginThemeDefines() throws IOException {
        Set<String> stock = stockLoginThemeKeys();
        assertThat(stock).contains("kcFormGroupClass", "kcButtonPrimaryClass");
        List<String> undefined = new ArrayList<>();
        for (Path template : themeFiles(".ftl")) {
            Matcher key = CLASS_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (key.find()) {
                String name = key.group(1) != null ? key.group(1) : key.group(2);
                if (!stock.contains(name)) {
                    undefined.add(REPO.relativize(template) + ": " + name);
                }
            }
        }

        assertThat(undefined).as("CSS class keys keycloak.v2 does not define").isEmpty();
    }

    private static Set<String> stockLoginThemeKeys() throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("bd.keycloak.home"), "lib/lib/main"))) {
            jar = jars.filter(f -> f.getFileName().toString().matches("org\\.keycloak\\.keycloak-themes-[0-9.]+\\.jar"))
                    .findFirst().orElseThrow();
        }
        try (ZipFile themes = new ZipFile(jar.toFile())) {
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(
                    themes.getInputStream(themes.getEntry("theme/keycloak.v2/login/theme.properties")), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties.stringPropertyNames();
        }
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

    /** Files of all modules' {@code src/main/resources/theme} and {@code theme-resources} whose name ends so. */
    private static List<Path> themeFiles(String nameEnd) throws IOException {
        try (Stream<Path> modules = Files.list(REPO)) {
            List<Path> found = new ArrayList<>();
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                for (String root : List.of("theme", "theme-resources")) {
                    Path dir = module.resolve("src/main/resources").resolve(root);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.walk(dir)) {
                            files.filter(f -> f.getFileName().toString().endsWith(nameEnd)).sorted().forEach(found::add);
                        }
                    }
                }
            }
            return found;
        }
    }

    /** The text a FreeMarker HTML template shows literally, once its expressions, directives and markup are gone. */
    static final class LiteralText {

        private LiteralText() {
        }

        static List<String> of(String template) {
            String rest = template.replaceAll("(?s)<#--.*?-->", " ").replaceAll("(?s)<!--.*?-->", " ");
            rest = removeExpressions(rest);
            rest = removeDelimited(rest, Pattern.compile("</?[#@]"));
            rest = rest.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ");
            List<String> found = new ArrayList<>();
            Matcher tag = Pattern.compile("<[/!]?[a-zA-Z][^>]*>").matcher(rest);
            StringBuilder text = new StringBuilder();
            int last = 0;
            while (tag.find()) {
                text.append(rest, last, tag.start()).append('\n');
                Matcher attribute = VISIBLE_ATTRIBUTE.matcher(tag.group());
                while (attribute.find()) {
                    addIfWords(attribute.group(2), found);
                }
                last = tag.end();
            }
            text.append(rest.substring(last));
            for (String line : text.toString().replaceAll("&#?\\w+;", " ").split("\n")) {
                addIfWords(line, found);
            }
            return found;
        }

        private static void addIfWords(String text, List<String> found) {
            String trimmed = text.strip();
            if (LETTER.matcher(trimmed).find()) {
                found.add(trimmed);
            }
        }

        /** Replaces each {@code ${...}} (nested braces and quoted strings included) by a space. */
        private static String removeExpressions(String source) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("${", i)) {
                    i = skip(source, i + 2, '}');
                    out.append(' ');
                } else {
                    out.append(source.charAt(i++));
                }
            }
            return out.toString();
        }

        /** Replaces each FreeMarker directive or macro call ({@code <#..>}, {@code </@..>}) by a space. */
        private static String removeDelimited(String source, Pattern start) {
            StringBuilder out = new StringBuilder();
            Matcher matcher = start.matcher(source);
            int i = 0;
            while (matcher.find(i)) {
                out.append(source, i, matcher.start()).append(' ');
                i = skip(source, matcher.end(), '>');
            }
            return out.append(source.substring(i)).toString();
        }

        /** Index after the closing character at nesting depth zero, outside quoted strings. */
        private static int skip(String source, int from, char close) {
            int depth = 0;
            char quote = 0;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                    depth--;
                } else if (c == close && depth == 0) {
                    return i + 1;
                }
            }
            return source.length();
        }
    }
}
