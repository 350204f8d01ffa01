package dev.funnel.backend.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.SoloBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /openapi} describes exactly the routes the server registers (as {@link RecordingRules}
 * saw them), and the description holds together. Adding a route: describe it under {@code paths} in
 * {@code backend-core/src/main/resources/openapi.yaml}; this test names any route left out.
 */
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static RunningBackend backend;
    private static HttpResponse<String> served;
    private static JsonNode description;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        backend = SoloBackend.start(dataDir, Map.of());
        served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.baseUri().resolve("/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        description = new YAMLMapper().readTree(served.body());
    }

    @AfterAll
    static void stop() {
        backend.stop();
    }

    @Test
    void theDescriptionIsServedAsYamlWithoutAToken() {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(description.path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void theDescriptionListsExactlyTheRoutesTheServerRegisters() {
        Set<String> described = new TreeSet<>();
        forEachOperation((method, path, operation) -> described.add(method + " " + path));
        Set<String> registered = new TreeSet<>();
        backend.routes().stream().filter(r -> !r.method().equals("*")).forEach(r -> registered.add(r.toString()));

        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(described);
        Set<String> extra = new TreeSet<>(described);
        extra.removeAll(registered);
        assertThat(missing.isEmpty() && extra.isEmpty())
                .as("openapi.yaml does not match the routes the server registers."
                        + "%nServed but not described (add them under paths in openapi.yaml):%n  %s"
                        + "%nDescribed but not served (remove them, or register the route):%n  %s",
                        missing.isEmpty() ? "(none)" : String.join("\n  ", missing),
                        extra.isEmpty() ? "(none)" : String.join("\n  ", extra))
                .isTrue();
    }

    @Test
    void aRouteThatAnswersAnyMethodIsTheFallbackOfADescribedPath() {
        Set<String> describedPaths = new TreeSet<>();
        description.path("paths").fieldNames().forEachRemaining(describedPaths::add);

        assertThat(backend.routes().stream().filter(r -> r.method().equals("*")).map(RegisteredRoutes.Route::path))
                .allMatch(describedPaths::contains);
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryOperationNamesItsAnswers() {
        List<String> problems = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameters : List.of(description.path("paths").path(path).path("parameters"),
                    operation.path("parameters"))) {
                parameters.forEach(p -> {
                    JsonNode parameter = resolve(p);
                    if ("path".equals(parameter.path("in").asText())) {
                        declared.add(parameter.path("name").asText());
                    }
                });
            }
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = TEMPLATE_PARAMETER.matcher(path);
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            if (!declared.equals(inTemplate)) {
                problems.add(method + " " + path + ": path parameters " + declared + ", template has " + inTemplate);
            }
            if (operation.path("responses").isEmpty()) {
                problems.add(method + " " + path + ": no responses");
            }
            if (operation.path("operationId").asText().isEmpty()) {
                problems.add(method + " " + path + ": no operationId");
            }
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferencePointsToSomethingDescribed() {
        List<String> dangling = new ArrayList<>();
        collectReferences(description, dangling);

        assertThat(dangling).as("$refs that point nowhere").isEmpty();
    }

    @Test
    void everyOperationThatNeedsATokenRefusesARequestWithoutOne() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> answeredWithoutToken = new ArrayList<>();
        List<String[]> secured = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            JsonNode security = operation.has("security") ? operation.path("security") : description.path("security");
            if (!security.isEmpty() && !path.equals("/ws")) {
                secured.add(new String[] {method, path});
            }
        });
        for (String[] route : secured) {
            String concrete = TEMPLATE_PARAMETER.matcher(route[1]).replaceAll(UUID.randomUUID().toString());
            HttpRequest request = HttpRequest.newBuilder(backend.baseUri().resolve(URI.create(concrete)))
                    .timeout(Duration.ofSeconds(10))
                    .method(route[0], HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 401) {
                answeredWithoutToken.add(route[0] + " " + route[1] + " -> " + status);
            }
        }

        assertThat(secured).isNotEmpty();
        assertThat(answeredWithoutToken).as("described as needing a token, but answered without one").isEmpty();
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                visitor.visit(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue());
            }
        }));
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? description.at(JsonPointer.compile(node.path("$ref").asText().substring(1))) : node;
    }

    private static void collectReferences(JsonNode node, List<String> dangling) {
        if (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            if (!ref.startsWith("#/") || description.at(JsonPointer.compile(ref.substring(1))).isMissingNode()) {
                dangling.add(ref);
            }
        }
        node.forEach(child -> collectReferences(child, dangling));
    }
}
