package vn.binhduong.keycloak.directlogin;

/**
 * The body of a PUT to {@code /bd-direct-login/dvcqg-probe}: any of the settings; those left out keep their value.
 * E.g. {@code {"policy": "auto", "failuresToSwitchOn": 3, "successesToSwitchOff": 5}}.
 */
public record DvcqgProbeChange(String policy, Integer intervalSeconds, Integer timeoutMs, Integer failuresToSwitchOn,
                               Integer successesToSwitchOff, String identityProvider) {

    /** The settings after this change, or an {@link IllegalArgumentException} whose message is shown to the admin. */
    DvcqgProbeSettings applyTo(DvcqgProbeSettings current) {
        ProbePolicy newPolicy = current.policy();
        if (policy != null) {
            newPolicy = ProbePolicy.parse(policy);
            if (newPolicy == null) {
                throw new IllegalArgumentException("\"policy\" phải là \"manual\" (chỉ theo dõi) hoặc \"auto\" (tự bật/tắt).");
            }
        }
        if (identityProvider != null && identityProvider.isBlank()) {
            throw new IllegalArgumentException("\"identityProvider\" không được để trống.");
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
            throw new IllegalArgumentException("\"" + bounds.name() + "\" phải từ " + bounds.min() + " đến " + bounds.max() + ".");
        }
        return value;
    }
}
