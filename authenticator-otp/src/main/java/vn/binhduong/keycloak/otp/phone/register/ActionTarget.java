package vn.binhduong.keycloak.otp.phone.register;

/**
 * What the application asked for through {@code kc_action}: {@code bd-register-otp-phone} adds a phone,
 * {@code bd-register-otp-phone:update.<credentialId>} replaces that phone with a newly proven number,
 * {@code bd-register-otp-phone:receiver.<credentialId>} makes that phone the OTP receiver. (Keycloak splits the
 * parameter off at the first colon and keeps one token, hence the dot.)
 */
record ActionTarget(Mode mode, String credentialId) {

    enum Mode { ADD, UPDATE, RECEIVER, UNKNOWN }

    static final String UPDATE_PREFIX = "update.";
    static final String RECEIVER_PREFIX = "receiver.";

    static final ActionTarget ADD = new ActionTarget(Mode.ADD, null);

    static ActionTarget parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return ADD;
        }
        if (parameter.startsWith(UPDATE_PREFIX) && parameter.length() > UPDATE_PREFIX.length()) {
            return new ActionTarget(Mode.UPDATE, parameter.substring(UPDATE_PREFIX.length()));
        }
        if (parameter.startsWith(RECEIVER_PREFIX) && parameter.length() > RECEIVER_PREFIX.length()) {
            return new ActionTarget(Mode.RECEIVER, parameter.substring(RECEIVER_PREFIX.length()));
        }
        return new ActionTarget(Mode.UNKNOWN, null);
    }
}
