package vn.binhduong.keycloak.it.foundation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;

/**
 * The same foundation checks against the image built from docker/Dockerfile, through testcontainers-keycloak.
 * Where no Docker engine answers (as on the project's CI machines), the test is skipped with its reason.
 */
class DockerImageIT {

    @Test
    void imageFromDockerDirectoryPassesTheFoundationChecks() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "No Docker engine here: the checks against the docker/ image are skipped");

        Path root = Path.of(System.getProperty("bd.install.script")).getParent().getParent();
        ImageFromDockerfile image = new ImageFromDockerfile("binhduong-keycloak-it", true)
                .withFileFromPath(".", root)
                .withDockerfile(root.resolve("docker/Dockerfile"));
        try (KeycloakContainer keycloak = new KeycloakContainer(image.get())
                .withEnv("BD_MOTCUA_CLIENT_SECRET", "image-test-secret")
                .withEnv("BD_MOTCUA_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*")
                .withEnv("BD_DICHVUCONG_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*")
                .withEnv("BD_DVCQG_CLIENT_ID", "image-test-dvcqg")
                .withEnv("BD_DVCQG_CLIENT_SECRET", "image-test-dvcqg-secret")
                .withEnv("KC_DB", "dev-mem")
                .withCustomCommand("--import-realm")
                .withStartupTimeout(Duration.ofMinutes(5))) {
            keycloak.start();
            KeycloakUnderTest target = new KeycloakUnderTest() {
                @Override
                public String baseUrl() {
                    return keycloak.getAuthServerUrl().replaceAll("/$", "");
                }

                @Override
                public String adminPassword() {
                    return keycloak.getAdminPassword();
                }
            };
            AdminApi admin = new AdminApi(target);
            FoundationChecks.ourProvidersAndThemeAreLoaded(admin);
            FoundationChecks.portalSignsInWithPkceAndVerifiesTheIdToken(target, admin);
        }
    }
}
