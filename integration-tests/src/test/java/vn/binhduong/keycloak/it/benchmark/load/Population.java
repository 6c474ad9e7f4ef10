package vn.binhduong.keycloak.it.benchmark.load;

/**
 * The benchmark's people, by set and index: names, ID numbers, phones and DVCQG identities are computed, not
 * stored, so the set-up and the load agree without sharing state. Each set has its own ID-number and phone range;
 * phones of {@link #STALLED} fall in the range the gateway stalls.
 */
enum Population {
    DIRECT("0790", "+84320"),
    RESET("0791", "+84330"),
    STALLED("0792", "+84399"),
    DVCQG("0793", null),
    STOCK_TOTP("stock-totp-", null),
    STOCK_BROKER("stock-broker-", null);

    static final String PASSWORD = "Bench@2026";

    private final String usernamePrefix;
    private final String phonePrefix;

    Population(String usernamePrefix, String phonePrefix) {
        this.usernamePrefix = usernamePrefix;
        this.phonePrefix = phonePrefix;
    }

    /** A 12-digit ID number for our realm's sets, a plain name for the stock realm's. */
    String username(int i) {
        return usernamePrefix + String.format(usernamePrefix.startsWith("0") ? "%08d" : "%05d", i);
    }

    /** E.164, e.g. +84320000042 (a Vietnamese mobile number). */
    String phone(int i) {
        return phonePrefix + String.format("%06d", i);
    }

    /** The national form the gateway receives: 0320000042. */
    String nationalPhone(int i) {
        return "0" + phone(i).substring(3);
    }

    /** The TOTP secret of a stock user (20 characters, as an authenticator app stores it). */
    static String totpSecret(int i) {
        return String.format("bench-totp-%09d", i);
    }

    /** The DVCQG account (its TechID, also its OIDC sub) of broker user i; both realms' broker sets share them. */
    static String techId(int i) {
        return String.format("BENCH-TECH-%06d", i);
    }
}
