package dev.funnel.backend.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The API's JSON: snake_case names, ISO-8601 times; reading and writing request and response bodies. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Reads the request body into a record; a body that is not the expected JSON is a 400 naming the problem. */
    public static <T> T read(ServerRequest req, Class<T> type) {
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (body.length == 0) {
            throw ApiException.badRequest("A JSON body is required");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (MismatchedInputException e) {
            throw invalidField(e);
        } catch (IOException e) {
            throw ApiException.badRequest("The body is not valid JSON");
        }
    }

    /** A JSON tree already read (e.g. to see which fields a PATCH names) as a record; a wrong type is a 400. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw invalidField(e);
        } catch (IOException e) {
            throw ApiException.badRequest("The body is not valid JSON");
        }
    }

    /** Names the innermost field of the value that did not fit (a list's field for one of its items). */
    private static ApiException invalidField(MismatchedInputException e) {
        return e.getPath().reversed().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).findFirst()
                .map(field -> ApiException.badRequest("Invalid value for field '" + field + "'", List.of(field)))
                .orElseGet(() -> ApiException.badRequest("Invalid value for field 'body'"));
    }

    public static void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes(body));
    }

    public static void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    public static void error(ServerResponse res, Status status, String message) {
        send(res, status, Map.of("error", message));
    }

    /** {@code {"error": message, "fields": [...]}}; without fields, just the error. */
    public static void error(ServerResponse res, Status status, String message, List<String> fields) {
        if (fields.isEmpty()) {
            error(res, status, message);
        } else {
            send(res, status, Map.of("error", message, "fields", fields));
        }
    }

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
