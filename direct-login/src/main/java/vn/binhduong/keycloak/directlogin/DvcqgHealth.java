package vn.binhduong.keycloak.directlogin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the probe has seen of DVCQG: the status, the good or failed probes in a row, when it last probed (epoch
 * seconds), since when the status holds, and the last problem seen. Shared by every node through Keycloak's
 * single-use object store (replicated, short-lived state), not the realm: a probe every few seconds would otherwise
 * write the realm and make every node reload it from the database. After a restart of the whole cluster the status
 * is unknown until the next probe.
 */
public record DvcqgHealth(Status status, int failures, int successes, Long lastProbeAt, Long statusSince, String lastProblem) {

    public enum Status {
        /** Not yet probed, or fewer failures in a row than the threshold since the start. */
        UNKNOWN,
        UP,
        DOWN
    }

    private static final String KEY_PREFIX = "bd-dvcqg-health:";
    /** Long enough to outlive any probe interval; refreshed at every probe. */
    private static final long LIFESPAN_SECONDS = 30L * 24 * 3600;
    private static final String STATUS = "status";
    private static final String FAILURES = "failures";
    private static final String SUCCESSES = "successes";
    private static final String LAST_PROBE_AT = "lastProbeAt";
    private static final String STATUS_SINCE = "statusSince";
    private static final String LAST_PROBLEM = "lastProblem";
    /** Where versions up to 1.0 kept the health; removed at the first write. */
    private static final List<String> LEGACY_REALM_ATTRIBUTES = List.of("bd.dvcqgProbe.status", "bd.dvcqgProbe.failures",
            "bd.dvcqgProbe.successes", "bd.dvcqgProbe.lastProbeAt", "bd.dvcqgProbe.statusSince", "bd.dvcqgProbe.lastProblem");

    static final DvcqgHealth NEVER_PROBED = new DvcqgHealth(Status.UNKNOWN, 0, 0, null, null, null);

    /** Whether a probe is due: never probed, or at least {@code intervalSeconds} since the last one. */
    boolean probeDue(long now, int intervalSeconds) {
        return lastProbeAt == null || now - lastProbeAt >= intervalSeconds;
    }

    static DvcqgHealth read(KeycloakSession session, RealmModel realm) {
        Map<String, String> notes = session.singleUseObjects().get(KEY_PREFIX + realm.getId());
        if (notes == null) {
            return NEVER_PROBED;
        }
        Status status;
        try {
            status = Status.valueOf(notes.getOrDefault(STATUS, Status.UNKNOWN.name()));
        } catch (IllegalArgumentException e) {
            status = Status.UNKNOWN;
        }
        return new DvcqgHealth(status, count(notes.get(FAILURES)), count(notes.get(SUCCESSES)),
                seconds(notes.get(LAST_PROBE_AT)), seconds(notes.get(STATUS_SINCE)), notes.get(LAST_PROBLEM));
    }

    void write(KeycloakSession session, RealmModel realm) {
        Map<String, String> notes = new HashMap<>();
        notes.put(STATUS, status.name());
        notes.put(FAILURES, Integer.toString(failures));
        notes.put(SUCCESSES, Integer.toString(successes));
        putIfSet(notes, LAST_PROBE_AT, lastProbeAt);
        putIfSet(notes, STATUS_SINCE, statusSince);
        putIfSet(notes, LAST_PROBLEM, lastProblem);
        session.singleUseObjects().put(KEY_PREFIX + realm.getId(), LIFESPAN_SECONDS, notes);
        LEGACY_REALM_ATTRIBUTES.stream().filter(name -> realm.getAttribute(name) != null).forEach(realm::removeAttribute);
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

    private static void putIfSet(Map<String, String> notes, String name, Object value) {
        if (value != null) {
            notes.put(name, value.toString());
        }
    }

    private static int count(String value) {
        Long parsed = seconds(value);
        return parsed == null || parsed < 0 || parsed > Integer.MAX_VALUE ? 0 : parsed.intValue();
    }

    private static Long seconds(String value) {
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
