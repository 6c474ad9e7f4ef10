package vn.binhduong.keycloak.directlogin;

/** A change an administrator asked for and may not have; its {@link AdminMessage} says why. */
final class AdminRefusal extends RuntimeException {

    private final AdminMessage reason;

    AdminRefusal(String key, Object... parameters) {
        super(key);
        this.reason = AdminMessage.of(key, parameters);
    }

    AdminMessage reason() {
        return reason;
    }
}
