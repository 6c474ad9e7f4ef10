package vn.binhduong.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnresolvedPlaceholdersTest {

    @Test
    void findsOurUpperCaseVariables() {
        assertThat(UnresolvedPlaceholders.in("https://${BD_HOST}/x/${BD_PATH_2}")).containsExactly("BD_HOST", "BD_PATH_2");
    }

    @Test
    void ignoresKeycloaksOwnPlaceholdersAndPlainValues() {
        assertThat(UnresolvedPlaceholders.in("${authBaseUrl}/realms/${client_account}")).isEmpty();
        assertThat(UnresolvedPlaceholders.in("s3cr3t")).isEmpty();
        assertThat(UnresolvedPlaceholders.in(null)).isEmpty();
    }
}
