package vn.binhduong.keycloak.directlogin;

/**
 * The body of a PUT to the switch: {@code {"enabled": true, "reason": "...", "ttlSeconds": 3600}} or with
 * {@code expiresAt} (epoch seconds) instead of {@code ttlSeconds}. Turning on needs a reason; an expiry is optional.
 */
public record DirectLoginChange(Boolean enabled, String reason, Long expiresAt, Long ttlSeconds) {

    static final long MAX_TTL_SECONDS = 30L * 24 * 3600;
    static final int MAX_REASON_LENGTH = 500;

    /** The state this change sets, or an {@link AdminRefusal} shown to the administrator. */
    DirectLoginState toState(long now, String changedBy) {
        if (enabled == null) {
            throw new AdminRefusal("bdDirectLoginApiEnabledMissing");
        }
        if (expiresAt != null && ttlSeconds != null) {
            throw new AdminRefusal("bdDirectLoginApiExpiryOrTtl");
        }
        String trimmedReason = reason == null || reason.isBlank() ? null : reason.trim();
        if (trimmedReason != null && trimmedReason.length() > MAX_REASON_LENGTH) {
            throw new AdminRefusal("bdDirectLoginApiReasonTooLong", MAX_REASON_LENGTH);
        }
        if (!enabled) {
            if (expiresAt != null || ttlSeconds != null) {
                throw new AdminRefusal("bdDirectLoginApiNoExpiryWhenOff");
            }
            return new DirectLoginState(false, null, trimmedReason, changedBy, now);
        }
        if (trimmedReason == null) {
            throw new AdminRefusal("bdDirectLoginApiReasonRequired");
        }
        Long expiry = expiresAt;
        if (ttlSeconds != null) {
            if (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
                throw new AdminRefusal("bdDirectLoginApiTtlOutOfRange", MAX_TTL_SECONDS);
            }
            expiry = now + ttlSeconds;
        } else if (expiresAt != null && (expiresAt <= now || expiresAt > now + MAX_TTL_SECONDS)) {
            throw new AdminRefusal("bdDirectLoginApiExpiryOutOfRange");
        }
        return new DirectLoginState(true, expiry, trimmedReason, changedBy, now);
    }
}
