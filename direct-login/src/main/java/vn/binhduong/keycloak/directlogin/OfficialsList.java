package vn.binhduong.keycloak.directlogin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.binhduong.keycloak.identifiers.IdNumber;

/**
 * The ID numbers an administrator sends to enrol officials: one per line, or the first column of a CSV (comma,
 * semicolon or tab), spaces inside a number dropped; blank lines and lines starting with {@code #} are skipped, and
 * a first line that is a header (no digit in its first column) too. A number is a 12-digit CCCD or a 9-digit CMND.
 */
record OfficialsList(List<String> idNumbers, List<String> malformed) {

    static final int MAX_LINES = 10_000;

    private static final Pattern COLUMN_SEPARATOR = Pattern.compile("[,;\\t]");
    private static final int MAX_SHOWN_LENGTH = 40;

    /** @throws AdminRefusal when the list is empty or too long */
    static OfficialsList parse(String body) {
        String[] lines = body == null ? new String[0] : body.split("\\R");
        if (lines.length > MAX_LINES) {
            throw new AdminRefusal("bdOfficialsTooLong", MAX_LINES);
        }
        Set<String> idNumbers = new LinkedHashSet<>();
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String first = COLUMN_SEPARATOR.split(lines[i], 2)[0].replace("\"", "").replaceAll("\\s", "");
            if (first.isEmpty() || first.startsWith("#") || (i == 0 && !first.matches(".*\\d.*"))) {
                continue;
            }
            if (IdNumber.isIdNumber(first)) {
                idNumbers.add(first);
            } else {
                // Shown back to the administrator, shortened: a pasted document should not fill the report.
                malformed.add(first.length() > MAX_SHOWN_LENGTH ? first.substring(0, MAX_SHOWN_LENGTH) + "…" : first);
            }
        }
        if (idNumbers.isEmpty() && malformed.isEmpty()) {
            throw new AdminRefusal("bdOfficialsEmpty");
        }
        return new OfficialsList(List.copyOf(idNumbers), List.copyOf(malformed));
    }
}
