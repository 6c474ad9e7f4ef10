package vn.binhduong.keycloak.dvcqg;

/**
 * The userinfo claims the broker reads, with the names public integrations observe. DVCQG publishes no
 * specification, so each name can be changed in the provider's configuration (key {@link #configKey()}).
 */
enum DvcqgClaim {
    TECH_ID("TechID", "Stable account id, the federated identity's user id."),
    ACCOUNT_TYPE("LoaiTaiKhoan", "Account type: 1 citizen, 2 enterprise."),
    PERSONAL_ID("SoDinhDanh", "12-digit personal identification number (CCCD): a citizen's username."),
    ID_CARD("SoCMND", "Old 9-digit ID card number, or the 12-digit number: a citizen's username when there is no CCCD."),
    ENTERPRISE_CODE("MaSoDoanhNghiep", "Enterprise code: an enterprise's username."),
    TAX_CODE("MaSoThue", "Tax code: an enterprise's username when there is no enterprise code."),
    ENTERPRISE_NAME("TenDoanhNghiep", "Enterprise name (attribute enterpriseName)."),
    ENTERPRISE_ADDRESS("DiaChi", "Enterprise address (attribute enterpriseAddress)."),
    FULL_NAME("HoVaTen", "Full name, family name first."),
    EMAIL("ThuDienTu", "E-mail address."),
    PHONE("SoDienThoai", "Mobile phone (attribute phoneNumber, E.164)."),
    BIRTH_DATE("NgayThangNamSinh", "Birth date as YYYYMMDD (attribute birthdate, ISO)."),
    LEVEL_OF_ASSURANCE("loAs", "Level(s) of assurance of the account (LoA1, LoA2, a number or a list): the highest counts."),
    VNEID_LEVEL("IAL", "VNeID's identity assurance level, where present (IAL2, 2…); checked as well as loAs.");

    private final String defaultName;
    private final String help;

    DvcqgClaim(String defaultName, String help) {
        this.defaultName = defaultName;
        this.help = help;
    }

    /** The IdP configuration key holding this claim's name, e.g. {@code bd.dvcqg.claim.TechID}. */
    String configKey() {
        return DvcqgIdentityProviderConfig.CONF_CLAIM_PREFIX + defaultName;
    }

    String defaultName() {
        return defaultName;
    }

    String help() {
        return help;
    }
}
