package vn.binhduong.keycloak.directlogin;

/**
 * One setting of the switch: on or off, until when (epoch seconds, or none), why, and who set it when.
 * This is also the JSON the REST endpoint returns and the representation of the admin event.
 */
public record DirectLoginState(boolean enabled, Long expiresAt, String reason, String changedBy, Long changedAt) {

    /** On, and not yet past its expiry. */
    public boolean isOpen(long now) {
        return enabled && (expiresAt == null || now < expiresAt);
    }
}
