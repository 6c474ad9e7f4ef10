package vn.binhduong.keycloak.reset;

/**
 * Event details and errors of the reset, beside Keycloak's {@code Details} and {@code Errors}. Every event of the
 * reset names its step; none holds a code, and a phone only masked.
 */
final class ResetEvents {

    static final String STEP = "bd_reset_step";
    static final String STEP_ACCOUNT = "account";
    static final String STEP_CODE_SENT = "code_sent";
    static final String STEP_CODE = "code";
    static final String STEP_PASSWORD = "password";

    static final String PHONE = "phone";
    static final String SMS_PROVIDER = "sms_provider";
    static final String OTHER_SESSIONS_SIGNED_OUT = "bd_other_sessions_signed_out";

    static final String ERROR_INVALID_ID = "bd_reset_invalid_id";
    static final String ERROR_NO_PHONE = "bd_reset_no_phone";
    static final String ERROR_CAPTCHA = "bd_captcha_failed";
    static final String ERROR_SEND_FAILED = "bd_sms_otp_send_failed";
    static final String ERROR_CAP_REACHED = "bd_sms_otp_cap_reached";
    static final String ERROR_CODE_LOCKED = "bd_sms_otp_locked";
    static final String ERROR_FIELD_TOO_LONG = "bd_reset_field_too_long";

    private ResetEvents() {
    }
}
