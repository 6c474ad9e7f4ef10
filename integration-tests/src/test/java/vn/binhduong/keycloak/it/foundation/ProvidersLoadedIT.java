package vn.binhduong.keycloak.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;

/** Every provider factory our JARs declare is listed as loaded by the server itself ({@code /admin/serverinfo}). */
@ExtendWith(KeycloakExtension.class)
class ProvidersLoadedIT {

    private record Declared(String spi, String providerId) {
    }

    @Test
    void everyFactoryOfOursIsLoadedAndTheThemeIsThere(AdminApi admin) throws Exception {
        JsonNode serverInfo = admin.get("/serverinfo");
        List<Declared> declared = declaredFactories();

        assertThat(declared).as("our JARs declare provider factories").isNotEmpty();
        for (Declared factory : declared) {
            assertThat(serverInfo.path("providers").path(factory.spi()).path("providers").has(factory.providerId()))
                    .as("SPI %s lists provider %s", factory.spi(), factory.providerId()).isTrue();
        }
        List<String> loginThemes = new ArrayList<>();
        serverInfo.path("themes").path("login").forEach(theme -> loginThemes.add(theme.path("name").asText()));
        assertThat(loginThemes).contains("binhduong");
    }

    /** Reads META-INF/services of our JARs in the bundle and asks each factory its id. */
    private static List<Declared> declaredFactories() throws Exception {
        List<Spi> spis = ServiceLoader.load(Spi.class).stream().map(ServiceLoader.Provider::get).toList();
        List<Declared> declared = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("bd.bundle.dir"), "providers"))) {
            for (Path jar : jars.toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getEntry("vn/binhduong/") == null) {
                        continue;
                    }
                    for (JarEntry entry : file.stream().filter(e -> e.getName().startsWith("META-INF/services/")).toList()) {
                        String factoryInterface = entry.getName().substring("META-INF/services/".length());
                        Spi spi = spis.stream()
                                .filter(s -> s.getProviderFactoryClass().getName().equals(factoryInterface))
                                .findFirst().orElse(null);
                        if (spi == null) {
                            continue; // Spi registrations themselves, and non-Keycloak service files
                        }
                        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                            for (String line : reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                                ProviderFactory<?> factory = (ProviderFactory<?>) Class.forName(line).getDeclaredConstructor().newInstance();
                                declared.add(new Declared(spi.getName(), factory.getId()));
                            }
                        }
                    }
                }
            }
        }
        return declared;
    }
}
