package vn.binhduong.keycloak.dvcqg;

/** The portal's environments; {@link #CUSTOM} takes the base URL from the configuration. */
enum DvcqgEnvironment {
    PRODUCTION("https://xacthuc.dichvucong.gov.vn"),
    TEST("https://testxacthuc.dichvucong.gov.vn"),
    CUSTOM(null);

    private final String baseUrl;

    DvcqgEnvironment(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl(String customBaseUrl) {
        return this == CUSTOM ? customBaseUrl : baseUrl;
    }
}
