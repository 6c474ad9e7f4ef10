package vn.binhduong.keycloak.directlogin;

/**
 * The body of a PUT to the switch: {@code {"enabled": true, "reason": "...", "ttlSeconds": 3600}} or with
 * {@code expiresAt} (epoch seconds) instead of {@code ttlSeconds}. Turning on needs a reason; an expiry is optional.
 */
public record DirectLoginChange(Boolean enabled, String reason, Long expiresAt, Long ttlSeconds) {

    static final long MAX_TTL_SECONDS = 30L * 24 * 3600;
    static final int MAX_REASON_LENGTH = 500;

    /** The state this change sets, or an {@link IllegalArgumentException} whose message is shown to the admin. */
    DirectLoginState toState(long now, String changedBy) {
        if (enabled == null) {
            throw new IllegalArgumentException("Thiếu trường \"enabled\" (true để bật, false để tắt).");
        }
        if (expiresAt != null && ttlSeconds != null) {
            throw new IllegalArgumentException("Chỉ dùng một trong hai trường \"expiresAt\" hoặc \"ttlSeconds\".");
        }
        String trimmedReason = reason == null || reason.isBlank() ? null : reason.trim();
        if (trimmedReason != null && trimmedReason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("Lý do dài quá " + MAX_REASON_LENGTH + " ký tự.");
        }
        if (!enabled) {
            if (expiresAt != null || ttlSeconds != null) {
                throw new IllegalArgumentException("Thời hạn chỉ áp dụng khi bật; khi tắt không cần \"expiresAt\" hay \"ttlSeconds\".");
            }
            return new DirectLoginState(false, null, trimmedReason, changedBy, now);
        }
        if (trimmedReason == null) {
            throw new IllegalArgumentException("Cần ghi lý do (\"reason\") khi bật đăng nhập trực tiếp.");
        }
        Long expiry = expiresAt;
        if (ttlSeconds != null) {
            if (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
                throw new IllegalArgumentException("\"ttlSeconds\" phải từ 1 đến " + MAX_TTL_SECONDS + " giây.");
            }
            expiry = now + ttlSeconds;
        } else if (expiresAt != null && (expiresAt <= now || expiresAt > now + MAX_TTL_SECONDS)) {
            throw new IllegalArgumentException("Thời điểm tự tắt (\"expiresAt\") phải ở tương lai, không quá 30 ngày.");
        }
        return new DirectLoginState(true, expiry, trimmedReason, changedBy, now);
    }
}
