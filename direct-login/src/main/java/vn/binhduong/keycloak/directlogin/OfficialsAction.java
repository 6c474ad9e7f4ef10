package vn.binhduong.keycloak.directlogin;

/** What {@code POST /bd-direct-login/officials} does with the listed officials. */
enum OfficialsAction {
    ADD, REMOVE;

    /** @throws AdminRefusal for anything but add, remove or nothing (add) */
    static OfficialsAction of(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("add")) {
            return ADD;
        }
        if (value.equalsIgnoreCase("remove")) {
            return REMOVE;
        }
        throw new AdminRefusal("bdOfficialsAction");
    }
}
