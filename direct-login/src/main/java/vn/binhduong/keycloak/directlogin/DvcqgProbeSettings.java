package vn.binhduong.keycloak.directlogin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.RealmModel;

/**
 * The DVCQG health probe's settings for one realm, kept in realm attributes so every node reads the same ones.
 * A missing or unreadable attribute counts as its default (only the REST endpoint writes them, and it validates).
 */
public record DvcqgProbeSettings(ProbePolicy policy, int intervalSeconds, int timeoutMs, int failuresToSwitchOn,
                                 int successesToSwitchOff, String identityProvider) {

    static final String ATTR_POLICY = "bd.dvcqgProbe.policy";
    static final String ATTR_INTERVAL_SECONDS = "bd.dvcqgProbe.intervalSeconds";
    static final String ATTR_TIMEOUT_MS = "bd.dvcqgProbe.timeoutMs";
    static final String ATTR_FAILURES_TO_SWITCH_ON = "bd.dvcqgProbe.failuresToSwitchOn";
    static final String ATTR_SUCCESSES_TO_SWITCH_OFF = "bd.dvcqgProbe.successesToSwitchOff";
    static final String ATTR_IDENTITY_PROVIDER = "bd.dvcqgProbe.identityProvider";

    static final Bounds INTERVAL = new Bounds("intervalSeconds", 60, 1, 86_400);
    static final Bounds TIMEOUT = new Bounds("timeoutMs", 5_000, 100, 30_000);
    static final Bounds FAILURES = new Bounds("failuresToSwitchOn", 3, 1, 100);
    static final Bounds SUCCESSES = new Bounds("successesToSwitchOff", 3, 1, 100);
    static final String DEFAULT_IDENTITY_PROVIDER = "dvcqg";

    public static final DvcqgProbeSettings DEFAULT = new DvcqgProbeSettings(ProbePolicy.MANUAL, INTERVAL.defaultValue(),
            TIMEOUT.defaultValue(), FAILURES.defaultValue(), SUCCESSES.defaultValue(), DEFAULT_IDENTITY_PROVIDER);

    /** A number setting: its JSON name, default and inclusive bounds. */
    record Bounds(String name, int defaultValue, int min, int max) {
        boolean allows(int value) {
            return value >= min && value <= max;
        }

        int lenient(String value) {
            try {
                int parsed = Integer.parseInt(value.trim());
                return allows(parsed) ? parsed : defaultValue;
            } catch (NumberFormatException | NullPointerException e) {
                return defaultValue;
            }
        }
    }

    static DvcqgProbeSettings read(RealmModel realm) {
        ProbePolicy policy = ProbePolicy.parse(realm.getAttribute(ATTR_POLICY));
        String idp = realm.getAttribute(ATTR_IDENTITY_PROVIDER);
        return new DvcqgProbeSettings(policy == null ? ProbePolicy.MANUAL : policy,
                INTERVAL.lenient(realm.getAttribute(ATTR_INTERVAL_SECONDS)),
                TIMEOUT.lenient(realm.getAttribute(ATTR_TIMEOUT_MS)),
                FAILURES.lenient(realm.getAttribute(ATTR_FAILURES_TO_SWITCH_ON)),
                SUCCESSES.lenient(realm.getAttribute(ATTR_SUCCESSES_TO_SWITCH_OFF)),
                idp == null || idp.isBlank() ? DEFAULT_IDENTITY_PROVIDER : idp.trim());
    }

    void write(RealmModel realm) {
        realm.setAttribute(ATTR_POLICY, policy.value());
        realm.setAttribute(ATTR_INTERVAL_SECONDS, Integer.toString(intervalSeconds));
        realm.setAttribute(ATTR_TIMEOUT_MS, Integer.toString(timeoutMs));
        realm.setAttribute(ATTR_FAILURES_TO_SWITCH_ON, Integer.toString(failuresToSwitchOn));
        realm.setAttribute(ATTR_SUCCESSES_TO_SWITCH_OFF, Integer.toString(successesToSwitchOff));
        realm.setAttribute(ATTR_IDENTITY_PROVIDER, identityProvider);
    }

    Map<String, Object> toView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("policy", policy.value());
        view.put(INTERVAL.name(), intervalSeconds);
        view.put(TIMEOUT.name(), timeoutMs);
        view.put(FAILURES.name(), failuresToSwitchOn);
        view.put(SUCCESSES.name(), successesToSwitchOff);
        view.put("identityProvider", identityProvider);
        return view;
    }
}
