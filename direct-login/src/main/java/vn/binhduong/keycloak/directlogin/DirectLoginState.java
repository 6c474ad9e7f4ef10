package vn.binhduong.keycloak.directlogin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One setting of the switch: on or off, until when (epoch seconds, or none), why, and who set it when.
 * This is also the JSON the REST endpoint returns and the representation of the admin event.
 */
public record DirectLoginState(boolean enabled, Long expiresAt, String reason, String changedBy, Long changedAt) {

    /** On, and not yet past its expiry. */
    public boolean isOpen(long now) {
        return enabled && (expiresAt == null || now < expiresAt);
    }

    /** As the REST endpoint shows it and admin events carry it, evaluated at {@code now}. */
    public Map<String, Object> toView(long now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", isOpen(now));
        view.put("expired", enabled && !isOpen(now));
        view.put("expiresAt", expiresAt);
        view.put("reason", reason);
        view.put("changedBy", changedBy);
        view.put("changedAt", changedAt);
        return view;
    }
}
