package dev.funnel.backend.openapi;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi}: the API's OpenAPI 3.1 description ({@code openapi.yaml}), as written. Public,
 * like the description of any API: it holds no data, and a client needs it before it has a token.
 */
public final class OpenApiService implements HttpService {

    public static final String RESOURCE = "/openapi.yaml";

    private final byte[] description;

    public OpenApiService() {
        this.description = load();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", this::describe);
    }

    private void describe(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
        res.send(description);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the backend's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
