package vn.binhduong.keycloak.otp.phone;

import java.util.Optional;

import org.keycloak.models.UserModel;

/**
 * Where a user's OTP phone is kept: today the user attribute {@value #ATTRIBUTE} (E.164). The only class that
 * knows it, so that a phone credential can replace it without touching the callers.
 */
public final class OtpPhoneLookup {

    public static final String ATTRIBUTE = "bd_otp_phone";

    /** The user's OTP phone in E.164 form, if one is registered and is a valid mobile number. */
    public Optional<String> find(UserModel user) {
        return PhoneNumbers.normalizeMobile(user.getFirstAttribute(ATTRIBUTE));
    }
}
