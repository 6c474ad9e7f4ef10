package vn.binhduong.keycloak.otp.challenge;

/**
 * Whose allowance an SMS is taken from. A login whose password was just proven spends its own per-phone budget, so
 * that strangers running anonymous flows with an official's ID number cannot use up the official's login codes;
 * anonymous flows (the reset, a phone number not yet proven) spend a separate budget per subject and the per-client-IP
 * cap. A proven login has no per-IP cap, so an office behind one NAT address keeps working during a DVCQG outage.
 *
 * @param scope    the counter family ({@code login} or {@code anonymous})
 * @param subject  what the hourly cap counts: a phone number, or a typed ID number (hashed in the store)
 * @param clientIp the address an anonymous flow's IP cap counts, or null when no IP cap applies
 */
public record SendBudget(String scope, String subject, String clientIp) {

    /** A login whose first factor passed: per phone, no IP cap. */
    public static SendBudget provenLogin(String phoneE164) {
        return new SendBudget("login", "phone:" + phoneE164, null);
    }

    /** A flow anyone can start: per subject ({@code kind:value}) and per client IP. */
    public static SendBudget anonymous(String kind, String value, String clientIp) {
        return new SendBudget("anonymous", kind + ":" + value, clientIp);
    }
}
