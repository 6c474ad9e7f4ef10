package vn.binhduong.keycloak.it.foundation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

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
        try (SmsGatewayStandIn gateway = SmsGatewayStandIn.start(Map.of());
             KeycloakContainer keycloak = reaching(gateway, new KeycloakContainer(image.get())
                .withEnv("BD_MOTCUA_CLIENT_SECRET", "image-test-secret")
                .withEnv("BD_MOTCUA_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*")
                .withEnv("BD_DICHVUCONG_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*")
                .withEnv("BD_DVCQG_CLIENT_ID", "image-test-dvcqg")
                .withEnv("BD_DVCQG_CLIENT_SECRET", "image-test-dvcqg-secret")
                .withEnv(gateway.environment())
                .withEnv("KC_DB", "dev-mem")
                .withCustomCommand("--import-realm")
                .withStartupTimeout(Duration.ofMinutes(5)))) {
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
            FoundationChecks.portalSignsInWithPkceAndVerifiesTheIdToken(target, admin, gateway);
        }
    }

    /**
     * Adds the gateway stand-in's sms-sender options, its loopback URL rewritten to the host as the container sees
     * it through testcontainers' port forwarding. The container starts in development mode (testcontainers-keycloak's
     * {@code start-dev}), where the build-time provider choice is taken at start.
     */
    private static KeycloakContainer reaching(SmsGatewayStandIn gateway, KeycloakContainer keycloak) {
        URI url = URI.create(gateway.url());
        Testcontainers.exposeHostPorts(url.getPort());
        gateway.serverOptions().forEach((key, value) -> keycloak.withCustomCommand("--" + key + "="
                + value.replace(url.getHost(), GenericContainer.INTERNAL_HOST_HOSTNAME)));
        return keycloak;
    }
}
