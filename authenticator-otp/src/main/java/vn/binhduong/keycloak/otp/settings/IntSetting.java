package vn.binhduong.keycloak.otp.settings;

/**
 * A whole-number setting: its key, default and inclusive bounds, declared once on the factory that offers it and
 * used for the console's property, the refusal on save and the read in the flow.
 */
public record IntSetting(String key, int defaultValue, int min, int max) {

    /** Whether {@code value} may be stored: blank (the default applies) or a number within the bounds. */
    public boolean allows(String value) {
        return value == null || value.isBlank() || parse(value) != null;
    }

    /** "(1 to 3600)", for a property's help text. */
    public String range() {
        return "(" + min + " to " + max + ")";
    }

    Integer parse(String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed >= min && parsed <= max ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
