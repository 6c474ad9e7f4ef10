package vn.binhduong.keycloak.it.support;

/** A Keycloak with the bundle installed: the distribution started by the tests, or the image from docker/. */
public interface KeycloakUnderTest {

    String REALM = "binhduong";
    String ADMIN_USER = "admin";

    String baseUrl();

    String adminPassword();

    default String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The realm in Keycloak's admin REST API, where our admin endpoints are extensions. */
    default String adminRealmUrl() {
        return baseUrl() + "/admin/realms/" + REALM;
    }
}
