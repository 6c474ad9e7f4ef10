package vn.binhduong.keycloak.directlogin;

import java.util.Locale;

/** What the DVCQG health probe may do: only report ({@code manual}) or also turn direct login on and off ({@code auto}). */
public enum ProbePolicy {
    MANUAL,
    AUTO;

    /** The JSON and realm-attribute form: {@code manual} or {@code auto}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code value} (any case), or null if there is none by that name. */
    static ProbePolicy parse(String value) {
        if (value == null) {
            return null;
        }
        for (ProbePolicy policy : values()) {
            if (policy.value().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        return null;
    }
}
