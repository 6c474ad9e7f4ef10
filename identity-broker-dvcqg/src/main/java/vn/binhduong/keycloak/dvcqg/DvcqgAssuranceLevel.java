package vn.binhduong.keycloak.dvcqg;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The level of assurance a DVCQG userinfo answer gives the account. DVCQG's {@code loAs} has no published format
 * (seen as {@code "LoA2"}; a number or a list would not surprise), and VNeID's {@code IAL} may come beside it: each
 * claim counts by the highest level it names, and when both come the lower of the two is the account's level, so
 * neither claim can lift the other. No level in either claim is no level at all.
 */
final class DvcqgAssuranceLevel {

    /** The last number in a value: {@code LoA2}, {@code IAL2}, {@code 2}, {@code "urn:…:loa:3"}. */
    private static final Pattern LEVEL = Pattern.compile("(\\d+)(?!.*\\d)");

    private DvcqgAssuranceLevel() {
    }

    static OptionalInt of(JsonNode userInfo, DvcqgClaimNames claims) {
        OptionalInt loa = highest(userInfo.get(claims.of(DvcqgClaim.LEVEL_OF_ASSURANCE)));
        OptionalInt ial = highest(userInfo.get(claims.of(DvcqgClaim.VNEID_LEVEL)));
        if (loa.isPresent() && ial.isPresent()) {
            return OptionalInt.of(Math.min(loa.getAsInt(), ial.getAsInt()));
        }
        return loa.isPresent() ? loa : ial;
    }

    private static OptionalInt highest(JsonNode claim) {
        if (claim == null || claim.isNull()) {
            return OptionalInt.empty();
        }
        if (claim.isArray()) {
            OptionalInt best = OptionalInt.empty();
            for (JsonNode each : claim) {
                OptionalInt level = highest(each);
                if (level.isPresent() && (best.isEmpty() || level.getAsInt() > best.getAsInt())) {
                    best = level;
                }
            }
            return best;
        }
        if (claim.isContainerNode()) {
            return OptionalInt.empty();
        }
        Matcher matcher = LEVEL.matcher(claim.asText());
        return matcher.find() && matcher.group(1).length() <= 3
                ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
