package vn.binhduong.keycloak.reset;

/**
 * The account typed on the reset's first page: a 12-digit CCCD or a 9-digit CMND, the same as the official's
 * DVCQG account and Keycloak username. Spaces anywhere are dropped ("0791 9700 1234" is how a card prints it);
 * anything longer than {@link #MAX_INPUT} characters is refused before it is even cleaned.
 */
public record IdNumber(Verdict verdict, String value) {

    /** Far above any way of typing 12 digits with spaces, far below what could cost a lookup. */
    public static final int MAX_INPUT = 40;

    public enum Verdict { VALID, MISSING, TOO_LONG, NOT_DIGITS, WRONG_LENGTH }

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
        if (cleaned.length() != 9 && cleaned.length() != 12) {
            return new IdNumber(Verdict.WRONG_LENGTH, null);
        }
        return new IdNumber(Verdict.VALID, cleaned);
    }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
