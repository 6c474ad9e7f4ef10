package vn.binhduong.keycloak.otp.authenticator;

/** What the step does with a user who has no OTP phone. */
public enum NoPhonePolicy {
    /** Refuse the login with a clear message (the operator registers the phone). */
    REFUSE,
    /** Let the flow go on and make the user register a phone (required action {@value SmsOtpAuthenticator#REGISTER_PHONE_ACTION}). */
    REGISTER_PHONE
}
