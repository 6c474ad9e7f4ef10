package vn.binhduong.keycloak.realm;

import java.util.HashMap;
import java.util.Map;

/**
 * What version 1.0 stored under other names, and the names it goes by now ({@code bd-} provider ids, keys spelt
 * {@code bd.<feature>.<name>}). Written out here rather than taken from the factories' constants: these are the
 * names stored in databases and exports that must keep working, and this module needs none of the others.
 */
final class SettingsRenames {

    /** Authenticator provider ids, as flow executions store them. */
    static final Map<String, String> AUTHENTICATORS = Map.of("sms-otp", "bd-sms-otp");

    private static final Map<String, String> SMS_CODE = Map.of(
            "codeLength", "bd.smsCode.length",
            "lifetime", "bd.smsCode.lifetime",
            "maxAttempts", "bd.smsCode.maxAttempts",
            "resendCooldown", "bd.smsCode.resendCooldown",
            "maxResends", "bd.smsCode.maxResends",
            "phoneHourlyCap", "bd.smsCode.phoneHourlyCap",
            "ipHourlyCap", "bd.smsCode.ipHourlyCap");

    /** Authenticator config keys, by the (current) provider id of the execution that uses the config. */
    static final Map<String, Map<String, String>> AUTHENTICATOR_CONFIG_KEYS = Map.of(
            "bd-sms-otp", with(SMS_CODE, "noPhone", "bd.smsOtp.noPhone"),
            "bd-direct-login-sms-otp", with(SMS_CODE, "noPhone", "bd.smsOtp.noPhone"),
            "bd-reset-sms-code", SMS_CODE,
            "bd-reset-new-password", Map.of("signOutOtherSessions", "bd.reset.signOutOtherSessions"),
            "bd-dvcqg-provisioned-user", Map.of("bd.dvcqg.create.unknown.users", "bd.dvcqg.createUnknownUsers"),
            "bd-direct-login-form", Map.of(
                    "bdDirectLoginAllowedGroup", "bd.directLogin.allowedGroup",
                    "bdDirectLoginRedirectWhenOff", "bd.directLogin.redirectWhenOff",
                    "bdDirectLoginByPhone", "bd.directLogin.byPhone",
                    "bdDirectLoginByPhoneGroup", "bd.directLogin.byPhoneGroup"));

    /** Required action config keys, by the required action's provider id (its config's alias). */
    static final Map<String, Map<String, String>> REQUIRED_ACTION_CONFIG_KEYS = Map.of(
            "bd-register-otp-phone", with(with(SMS_CODE, "allowForeignNumbers", "bd.otpPhone.allowForeignNumbers"),
                    "uniqueNumbers", "bd.otpPhone.uniqueNumbers"));

    private static final String OLD_DVCQG_PREFIX = "dvcqg";
    private static final String OLD_DVCQG_CLAIM_PREFIX = "dvcqgClaim.";

    private SettingsRenames() {
    }

    /**
     * The current name of a DVCQG identity provider config key (the provider's type, {@code dvcqg}, keeps its name:
     * Keycloak cannot change the type of a stored provider), or null if it kept its name (Keycloak's own keys,
     * {@code clientId}, {@code pkceEnabled}…): {@code dvcqgClaim.TechID} is {@code bd.dvcqg.claim.TechID},
     * {@code dvcqgBaseUrl} is {@code bd.dvcqg.baseUrl}.
     */
    static String identityProviderKey(String key) {
        if (key.startsWith(OLD_DVCQG_CLAIM_PREFIX)) {
            return "bd.dvcqg.claim." + key.substring(OLD_DVCQG_CLAIM_PREFIX.length());
        }
        if (key.length() > OLD_DVCQG_PREFIX.length() && key.startsWith(OLD_DVCQG_PREFIX)
                && Character.isUpperCase(key.charAt(OLD_DVCQG_PREFIX.length()))) {
            String name = key.substring(OLD_DVCQG_PREFIX.length());
            return "bd.dvcqg." + Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        return null;
    }

    private static Map<String, String> with(Map<String, String> renames, String oldKey, String newKey) {
        Map<String, String> all = new HashMap<>(renames);
        all.put(oldKey, newKey);
        return Map.copyOf(all);
    }
}
