package vn.binhduong.keycloak.directlogin;

/** What {@code POST /bd-direct-login/officials} does with the listed officials. */
enum OfficialsAction {
    ADD, REMOVE;

    /** @throws IllegalArgumentException (Vietnamese message) for anything but add, remove or nothing (add) */
    static OfficialsAction of(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("add")) {
            return ADD;
        }
        if (value.equalsIgnoreCase("remove")) {
            return REMOVE;
        }
        throw new IllegalArgumentException("Tham số action chỉ nhận \"add\" (thêm vào nhóm) hoặc \"remove\" (gỡ khỏi nhóm).");
    }
}
