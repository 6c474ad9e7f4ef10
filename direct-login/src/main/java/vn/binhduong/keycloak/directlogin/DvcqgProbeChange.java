package vn.binhduong.keycloak.directlogin;

/**
 * The body of a PUT to {@code /bd-direct-login/dvcqg-probe}: any of the settings; those left out keep their value.
 * E.g. {@code {"policy": "auto", "failuresToSwitchOn": 3, "successesToSwitchOff": 5}}.
 */
public record DvcqgProbeChange(String policy, Integer intervalSeconds, Integer timeoutMs, Integer failuresToSwitchOn,
                               Integer successesToSwitchOff, String identityProvider) {

    /** The settings after this change, or an {@link AdminRefusal} shown to the administrator. */
    DvcqgProbeSettings applyTo(DvcqgProbeSettings current) {
        ProbePolicy newPolicy = current.policy();
        if (policy != null) {
            newPolicy = ProbePolicy.parse(policy);
            if (newPolicy == null) {
                throw new AdminRefusal("bdDvcqgProbeApiPolicy");
            }
        }
        if (identityProvider != null && identityProvider.isBlank()) {
            throw new AdminRefusal("bdDvcqgProbeApiIdentityProviderBlank");
        }
        return new DvcqgProbeSettings(newPolicy,
                number(intervalSeconds, current.intervalSeconds(), DvcqgProbeSettings.INTERVAL),
                number(timeoutMs, current.timeoutMs(), DvcqgProbeSettings.TIMEOUT),
                number(failuresToSwitchOn, current.failuresToSwitchOn(), DvcqgProbeSettings.FAILURES),
                number(successesToSwitchOff, current.successesToSwitchOff(), DvcqgProbeSettings.SUCCESSES),
                identityProvider == null ? current.identityProvider() : identityProvider.trim());
    }

    private static int number(Integer value, int current, DvcqgProbeSettings.Bounds bounds) {
        if (value == null) {
            return current;
        }
        if (!bounds.allows(value)) {
            throw new AdminRefusal("bdDvcqgProbeApiOutOfRange", bounds.name(), bounds.min(), bounds.max());
        }
        return value;
    }
}
