package vn.binhduong.keycloak.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text a FreeMarker HTML template shows literally, once its expressions, directives and markup are gone. */
public final class LiteralText {

    /** HTML attributes a user sees or hears (screen readers): their values must be FreeMarker expressions too. */
    private static final Pattern VISIBLE_ATTRIBUTE =
            Pattern.compile("\\b(placeholder|title|alt|aria-label)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private LiteralText() {
    }

    public static List<String> of(String template) {
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
