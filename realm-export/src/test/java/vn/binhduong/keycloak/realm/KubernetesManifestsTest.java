package vn.binhduong.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Kubernetes files without a cluster: they agree with the realm file, the Dockerfile and
 * each other, so an operator who fills in the Secrets gets the realm and the image the rest of the project ships.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path K8S = ROOT.resolve("docker/kubernetes");
    private static final Path REALM = ROOT.resolve("realm-export/binhduong-realm.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRealmVariableComesFromAKeyOfTheRealmSecret() throws IOException {
        JsonNode placeholders = realmImport().path("spec").path("placeholders");
        JsonNode secret = secret("binhduong-realm");
        Set<String> variables = realmVariables();

        assertThat(variables).isNotEmpty();
        for (String variable : variables) {
            JsonNode reference = placeholders.path(variable).path("secret");
            assertThat(reference.path("name").asText()).as(variable).isEqualTo("binhduong-realm");
            assertThat(secret.has(reference.path("key").asText())).as(variable + " in the Secret template").isTrue();
        }
        assertThat(fieldNames(placeholders)).as("no placeholder the realm does not use").isEqualTo(variables);
    }

    @Test
    void theImportHoldsTheShippedRealmForOurKeycloak() throws IOException {
        JsonNode realmImport = realmImport();

        assertThat(realmImport.path("spec").path("realm"))
                .as("run scripts/k8s-realm-import.sh after changing the realm file")
                .isEqualTo(JSON.readTree(REALM.toFile()));
        assertThat(realmImport.path("spec").path("keycloakCRName").asText())
                .isEqualTo(keycloak().path("metadata").path("name").asText());
    }

    @Test
    void theKeycloakResourceMatchesTheImage() throws IOException {
        JsonNode spec = keycloak().path("spec");
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"), StandardCharsets.UTF_8);
        String compose = Files.readString(ROOT.resolve("docker/compose.yaml"), StandardCharsets.UTF_8);

        List<String> dockerFeatures = envValues(dockerfile, "KC_FEATURES");
        assertThat(dockerFeatures).as("the build and runtime stages agree").containsOnly(dockerFeatures.get(0));
        assertThat(values(spec.path("features").path("enabled"))).containsExactlyInAnyOrder(dockerFeatures.get(0).split(","));
        assertThat(spec.path("db").path("vendor").asText()).isEqualTo(envValues(dockerfile, "KC_DB").get(0));
        assertThat(spec.path("startOptimized").asBoolean()).as("the image is built; the Operator must not rebuild").isTrue();
        Matcher composeImage = Pattern.compile("image: (binhduong-keycloak:\\S+)").matcher(compose);
        assertThat(composeImage.find()).isTrue();
        assertThat(spec.path("image").asText()).endsWith("/" + composeImage.group(1));
    }

    @Test
    void everySecretTheKeycloakResourceReadsIsInTheTemplates() throws IOException {
        JsonNode spec = keycloak().path("spec");
        List<JsonNode> references = new ArrayList<>(List.of(spec.path("db").path("usernameSecret"),
                spec.path("db").path("passwordSecret")));
        spec.path("additionalOptions").forEach(option -> {
            if (option.has("secret")) {
                references.add(option.path("secret"));
            }
        });
        for (JsonNode reference : references) {
            assertThat(secret(reference.path("name").asText()).has(reference.path("key").asText()))
                    .as(reference.toString()).isTrue();
        }
        JsonNode admin = secret(spec.path("bootstrapAdmin").path("user").path("secret").asText());
        assertThat(admin.has("username") && admin.has("password")).isTrue();
    }

    private static Set<String> realmVariables() throws IOException {
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(REALM, StandardCharsets.UTF_8));
        Set<String> variables = new TreeSet<>();
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The values an {@code ENV} line of the Dockerfile gives the variable, one per stage that sets it. */
    private static List<String> envValues(String dockerfile, String variable) {
        Matcher matcher = Pattern.compile("^ENV .*\\b" + variable + "=(\\S+)", Pattern.MULTILINE).matcher(dockerfile);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        assertThat(values).as(variable + " in docker/Dockerfile").isNotEmpty();
        return values;
    }

    private static JsonNode keycloak() throws IOException {
        return single(K8S.resolve("keycloak.yaml"));
    }

    private static JsonNode realmImport() throws IOException {
        return single(K8S.resolve("realm-import.yaml"));
    }

    private static JsonNode secret(String name) throws IOException {
        for (JsonNode document : documents(K8S.resolve("secrets.example.yaml"))) {
            if (document.path("kind").asText().equals("Secret") && document.path("metadata").path("name").asText().equals(name)) {
                return document.path("stringData");
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode single(Path file) throws IOException {
        List<JsonNode> documents = documents(file);
        assertThat(documents).as(file.toString()).hasSize(1);
        return documents.get(0);
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            return YAML.readValues(parser, JsonNode.class).readAll();
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
