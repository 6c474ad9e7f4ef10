package vn.binhduong.keycloak.directlogin;

import org.keycloak.models.RealmModel;

/**
 * The administrators' switch for one realm. It lives in realm attributes, so it is stored in the database and
 * every node of a cluster sees a change as soon as the realm cache entry is invalidated; the expiry is evaluated
 * on every read, so an expired switch is off without any timer running.
 */
public final class DirectLoginSwitch {

    static final String ATTR_ENABLED = "bd.directLogin.enabled";
    static final String ATTR_EXPIRES_AT = "bd.directLogin.expiresAt";
    static final String ATTR_REASON = "bd.directLogin.reason";
    static final String ATTR_CHANGED_BY = "bd.directLogin.changedBy";
    static final String ATTR_CHANGED_AT = "bd.directLogin.changedAt";

    private final RealmModel realm;

    public DirectLoginSwitch(RealmModel realm) {
        this.realm = realm;
    }

    /** What was last set, as read now. */
    public DirectLoginState read() {
        return new DirectLoginState(
                Boolean.parseBoolean(realm.getAttribute(ATTR_ENABLED)),
                epochSeconds(ATTR_EXPIRES_AT, 0L),
                realm.getAttribute(ATTR_REASON),
                realm.getAttribute(ATTR_CHANGED_BY),
                epochSeconds(ATTR_CHANGED_AT, null));
    }

    public boolean isOpen(long now) {
        return read().isOpen(now);
    }

    public void write(DirectLoginState state) {
        realm.setAttribute(ATTR_ENABLED, Boolean.toString(state.enabled()));
        setOrRemove(ATTR_EXPIRES_AT, state.expiresAt() == null ? null : state.expiresAt().toString());
        setOrRemove(ATTR_REASON, state.reason());
        setOrRemove(ATTR_CHANGED_BY, state.changedBy());
        setOrRemove(ATTR_CHANGED_AT, state.changedAt() == null ? null : state.changedAt().toString());
    }

    private void setOrRemove(String name, String value) {
        if (value == null) {
            realm.removeAttribute(name);
        } else {
            realm.setAttribute(name, value);
        }
    }

    /** A missing number reads as absent; a garbled one as {@code garbled} (for the expiry: already past, so off). */
    private Long epochSeconds(String name, Long garbled) {
        String value = realm.getAttribute(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return garbled;
        }
    }
}
