package vn.binhduong.keycloak.dvcqg;

/** A full name in Vietnamese order: the family name comes first, the given names after it. */
record VietnameseName(String familyName, String givenNames) {

    static VietnameseName split(String fullName) {
        String trimmed = fullName == null ? "" : fullName.trim().replaceAll("\\s+", " ");
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new VietnameseName(trimmed.isEmpty() ? null : trimmed, null);
        }
        return new VietnameseName(trimmed.substring(0, space), trimmed.substring(space + 1));
    }
}
