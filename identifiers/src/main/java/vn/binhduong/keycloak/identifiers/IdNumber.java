package vn.binhduong.keycloak.identifiers;

import java.util.regex.Pattern;

/**
 * A Vietnamese personal ID number: a 12-digit CCCD or a 9-digit CMND (older CMNDs have 12 digits too), the
 * official's DVCQG account and Keycloak username. {@link #parse} reads what a person typed: spaces anywhere are
 * dropped ("0791 9700 1234" is how a card prints it); anything longer than {@link #MAX_INPUT} characters is refused
 * before it is even cleaned.
 */
public record IdNumber(Verdict verdict, String value) {

    /** Far above any way of typing 12 digits with spaces, far below what could cost a lookup. */
    public static final int MAX_INPUT = 40;

    public enum Verdict { VALID, MISSING, TOO_LONG, NOT_DIGITS, WRONG_LENGTH }

    private static final Pattern CCCD = Pattern.compile("\\d{12}");
    private static final Pattern CCCD_OR_CMND = Pattern.compile("\\d{9}|\\d{12}");

    /** A CCCD or a CMND as stored: 9 or 12 ASCII digits, nothing else. */
    public static boolean isIdNumber(String value) {
        return value != null && CCCD_OR_CMND.matcher(value).matches();
    }

    /** A citizen identity card number (CCCD) as stored: 12 ASCII digits. */
    public static boolean isCccd(String value) {
        return value != null && CCCD.matcher(value).matches();
    }

    public static IdNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new IdNumber(Verdict.MISSING, null);
        }
        if (raw.length() > MAX_INPUT) {
            return new IdNumber(Verdict.TOO_LONG, null);
        }
        String cleaned = raw.replaceAll("\\s", "");
        if (!cleaned.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new IdNumber(Verdict.NOT_DIGITS, null);
        }
        if (!isIdNumber(cleaned)) {
            return new IdNumber(Verdict.WRONG_LENGTH, null);
        }
        return new IdNumber(Verdict.VALID, cleaned);
    }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
