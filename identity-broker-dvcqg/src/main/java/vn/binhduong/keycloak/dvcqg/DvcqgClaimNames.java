package vn.binhduong.keycloak.dvcqg;

import java.util.EnumMap;
import java.util.Map;

/** The claim names in force: the configured ones, else the observed defaults. */
final class DvcqgClaimNames {

    private final Map<DvcqgClaim, String> names;

    private DvcqgClaimNames(Map<DvcqgClaim, String> names) {
        this.names = names;
    }

    static DvcqgClaimNames defaults() {
        return from(Map.of());
    }

    /** Reads the names from an IdP configuration; a blank value keeps the default. */
    static DvcqgClaimNames from(Map<String, String> config) {
        Map<DvcqgClaim, String> names = new EnumMap<>(DvcqgClaim.class);
        for (DvcqgClaim claim : DvcqgClaim.values()) {
            String configured = config.get(claim.configKey());
            names.put(claim, configured == null || configured.isBlank() ? claim.defaultName() : configured.trim());
        }
        return new DvcqgClaimNames(names);
    }

    String of(DvcqgClaim claim) {
        return names.get(claim);
    }
}
