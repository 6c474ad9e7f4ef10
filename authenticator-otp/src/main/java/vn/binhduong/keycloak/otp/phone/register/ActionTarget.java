package vn.binhduong.keycloak.otp.phone.register;

/**
 * What the application asked for through {@code kc_action}: {@code bd-register-otp-phone} adds a phone,
 * {@code bd-register-otp-phone:update.<credentialId>} replaces that phone with a newly proven number,
 * {@code bd-register-otp-phone:receiver.<credentialId>} makes that phone the OTP receiver,
 * {@code bd-register-otp-phone:delete.<credentialId>} removes that phone after a confirmation. (Keycloak splits the
 * parameter off at the first colon and keeps one token, hence the dot.)
 */
record ActionTarget(Mode mode, String credentialId) {

    enum Mode { ADD, UPDATE, RECEIVER, DELETE, UNKNOWN }

    static final String UPDATE_PREFIX = "update.";
    static final String RECEIVER_PREFIX = "receiver.";
    static final String DELETE_PREFIX = "delete.";

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
        if (parameter.startsWith(DELETE_PREFIX) && parameter.length() > DELETE_PREFIX.length()) {
            return new ActionTarget(Mode.DELETE, parameter.substring(DELETE_PREFIX.length()));
        }
        return new ActionTarget(Mode.UNKNOWN, null);
    }
}
