package vn.binhduong.keycloak.directlogin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.RealmModel;

/**
 * What the probe has seen of DVCQG, shared by every node through realm attributes: the status, the good or failed
 * probes in a row, when it last probed (epoch seconds), since when the status holds, and the last problem seen.
 */
public record DvcqgHealth(Status status, int failures, int successes, Long lastProbeAt, Long statusSince, String lastProblem) {

    public enum Status {
        /** Not yet probed, or fewer failures in a row than the threshold since the start. */
        UNKNOWN,
        UP,
        DOWN
    }

    static final String ATTR_STATUS = "bd.dvcqgProbe.status";
    static final String ATTR_FAILURES = "bd.dvcqgProbe.failures";
    static final String ATTR_SUCCESSES = "bd.dvcqgProbe.successes";
    static final String ATTR_LAST_PROBE_AT = "bd.dvcqgProbe.lastProbeAt";
    static final String ATTR_STATUS_SINCE = "bd.dvcqgProbe.statusSince";
    static final String ATTR_LAST_PROBLEM = "bd.dvcqgProbe.lastProblem";

    static final DvcqgHealth NEVER_PROBED = new DvcqgHealth(Status.UNKNOWN, 0, 0, null, null, null);

    /** Whether a probe is due: never probed, or at least {@code intervalSeconds} since the last one. */
    boolean probeDue(long now, int intervalSeconds) {
        return lastProbeAt == null || now - lastProbeAt >= intervalSeconds;
    }

    static DvcqgHealth read(RealmModel realm) {
        Status status;
        try {
            String value = realm.getAttribute(ATTR_STATUS);
            status = value == null ? Status.UNKNOWN : Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            status = Status.UNKNOWN;
        }
        return new DvcqgHealth(status, count(realm, ATTR_FAILURES), count(realm, ATTR_SUCCESSES),
                seconds(realm, ATTR_LAST_PROBE_AT), seconds(realm, ATTR_STATUS_SINCE), realm.getAttribute(ATTR_LAST_PROBLEM));
    }

    void write(RealmModel realm) {
        realm.setAttribute(ATTR_STATUS, status.name());
        realm.setAttribute(ATTR_FAILURES, Integer.toString(failures));
        realm.setAttribute(ATTR_SUCCESSES, Integer.toString(successes));
        setOrRemove(realm, ATTR_LAST_PROBE_AT, lastProbeAt == null ? null : lastProbeAt.toString());
        setOrRemove(realm, ATTR_STATUS_SINCE, statusSince == null ? null : statusSince.toString());
        setOrRemove(realm, ATTR_LAST_PROBLEM, lastProblem);
    }

    Map<String, Object> toView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", status.name());
        view.put("statusSince", statusSince);
        view.put("failuresInARow", failures);
        view.put("successesInARow", successes);
        view.put("lastProbeAt", lastProbeAt);
        view.put("lastProblem", lastProblem);
        return view;
    }

    private static void setOrRemove(RealmModel realm, String name, String value) {
        if (value == null) {
            realm.removeAttribute(name);
        } else {
            realm.setAttribute(name, value);
        }
    }

    private static int count(RealmModel realm, String name) {
        Long value = seconds(realm, name);
        return value == null || value < 0 || value > Integer.MAX_VALUE ? 0 : value.intValue();
    }

    private static Long seconds(RealmModel realm, String name) {
        String value = realm.getAttribute(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
