package vn.binhduong.keycloak.otp.challenge;

/** The rules of one SMS code challenge; the authenticator reads them from its execution's config. */
public record SmsOtpPolicy(int codeLength, int lifetimeSeconds, int maxAttempts, int resendCooldownSeconds,
                           int maxResends, int phoneHourlyCap, int ipHourlyCap) {

    public static final SmsOtpPolicy DEFAULT = new SmsOtpPolicy(6, 120, 5, 60, 3, 5, 20);
}
