package vn.binhduong.keycloak.otp.phone;

import java.util.List;

import org.keycloak.models.UserModel;

/**
 * The user attributes that Keycloak's stock {@code phone} client scope maps to the claims {@code phone_number} and
 * {@code phone_number_verified}. A number is verified only once its SMS code was entered (phone registration, the
 * login's SMS step); a number from elsewhere (DVCQG, an administrator) is stored unverified, and a verified number
 * whose OTP phone is deleted is no longer verified (a lost phone).
 */
public final class PhoneClaims {

    public static final String ATTR_NUMBER = "phoneNumber";
    public static final String ATTR_VERIFIED = "phoneNumberVerified";

    private PhoneClaims() {
    }

    /** The user entered the code sent to {@code phoneE164}. */
    public static void proven(UserModel user, String phoneE164) {
        if (!phoneE164.equals(user.getFirstAttribute(ATTR_NUMBER))) {
            user.setSingleAttribute(ATTR_NUMBER, phoneE164);
        }
        if (!Boolean.parseBoolean(user.getFirstAttribute(ATTR_VERIFIED))) {
            user.setSingleAttribute(ATTR_VERIFIED, Boolean.TRUE.toString());
        }
    }

    /** After OTP phones were deleted: a verified number none of the remaining ones holds is verified no more. */
    static void keepVerifiedOnlyIfHeld(UserModel user, List<String> remainingPhones) {
        if (Boolean.parseBoolean(user.getFirstAttribute(ATTR_VERIFIED))
                && !remainingPhones.contains(user.getFirstAttribute(ATTR_NUMBER))) {
            user.setSingleAttribute(ATTR_VERIFIED, Boolean.FALSE.toString());
        }
    }
}
