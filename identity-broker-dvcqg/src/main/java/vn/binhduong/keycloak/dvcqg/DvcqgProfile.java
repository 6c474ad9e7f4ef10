package vn.binhduong.keycloak.dvcqg;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.binhduong.keycloak.identifiers.IdNumber;
import vn.binhduong.keycloak.identifiers.PhoneNumbers;

/**
 * What a DVCQG userinfo answer says about a person or an enterprise, validated: a missing {@code TechID}, an
 * unknown account type or a malformed identifier is refused before Keycloak creates or changes anything.
 */
record DvcqgProfile(String techId, AccountType accountType, String username, String fullName, String email,
                    String phoneE164, String birthDate, String enterpriseName, String enterpriseAddress) {

    enum AccountType {
        CITIZEN, ENTERPRISE
    }

    /** Enterprise codes are 10-digit tax codes; a branch adds a 3-digit suffix. */
    private static final Predicate<String> ENTERPRISE_CODE = Pattern.compile("\\d{10}(-\\d{3})?").asMatchPredicate();
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    static DvcqgProfile from(JsonNode userInfo, DvcqgClaimNames claims) {
        Claims read = new Claims(userInfo, claims);
        String techId = read.text(DvcqgClaim.TECH_ID);
        if (techId == null) {
            throw new DvcqgRefusal(DvcqgRefusal.MISSING_TECH_ID, "DVCQG userinfo without TechID");
        }
        String accountType = read.text(DvcqgClaim.ACCOUNT_TYPE);
        AccountType type = switch (accountType == null ? "" : accountType) {
            case "1" -> AccountType.CITIZEN;
            case "2" -> AccountType.ENTERPRISE;
            default -> throw new DvcqgRefusal(DvcqgRefusal.ACCOUNT_TYPE, "DVCQG account type refused");
        };
        String username = type == AccountType.CITIZEN
                ? identifier(read, DvcqgClaim.PERSONAL_ID, IdNumber::isCccd, DvcqgClaim.ID_CARD, IdNumber::isIdNumber)
                : identifier(read, DvcqgClaim.ENTERPRISE_CODE, ENTERPRISE_CODE, DvcqgClaim.TAX_CODE, ENTERPRISE_CODE);
        return new DvcqgProfile(techId, type, username, read.text(DvcqgClaim.FULL_NAME), read.text(DvcqgClaim.EMAIL),
                phoneE164(read.text(DvcqgClaim.PHONE)), isoBirthDate(read.text(DvcqgClaim.BIRTH_DATE)),
                type == AccountType.ENTERPRISE ? read.text(DvcqgClaim.ENTERPRISE_NAME) : null,
                type == AccountType.ENTERPRISE ? read.text(DvcqgClaim.ENTERPRISE_ADDRESS) : null);
    }

    /** The preferred identifier if present, else the fallback; whichever is used must have the right shape. */
    private static String identifier(Claims read, DvcqgClaim preferred, Predicate<String> preferredShape,
                                     DvcqgClaim fallback, Predicate<String> fallbackShape) {
        String value = read.text(preferred);
        Predicate<String> shape = preferredShape;
        if (value == null) {
            value = read.text(fallback);
            shape = fallbackShape;
        }
        if (value == null || !shape.test(value)) {
            throw new DvcqgRefusal(DvcqgRefusal.INVALID_IDENTIFIER, "DVCQG identifier missing or malformed");
        }
        return value;
    }

    /** A Vietnamese number as DVCQG gives it ({@code 0xxxxxxxxx}, {@code 84…}, {@code +84…}) in E.164; else none. */
    static String phoneE164(String phone) {
        return PhoneNumbers.normalizeVietnamese(phone).orElse(null);
    }

    /** {@code YYYYMMDD} as an ISO date; anything else (or an impossible date) is left out. */
    static String isoBirthDate(String value) {
        if (value == null || !value.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(value, YYYYMMDD).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The userinfo answer read under the configured claim names. */
    private record Claims(JsonNode userInfo, DvcqgClaimNames names) {

        /** A claim as text; empty strings and JSON null count as absent, numbers are read as their digits. */
        String text(DvcqgClaim claim) {
            JsonNode node = userInfo.get(names.of(claim));
            if (node == null || node.isNull() || node.isContainerNode()) {
                return null;
            }
            String value = node.asText().trim();
            return value.isEmpty() ? null : value;
        }
    }
}
