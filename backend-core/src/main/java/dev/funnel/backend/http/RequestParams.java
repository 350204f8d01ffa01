package dev.funnel.backend.http;

import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Parameters of a request read once, the same way everywhere: invalid ones are a 400 naming them. */
public final class RequestParams {

    private RequestParams() {
    }

    /** A path parameter that must be a UUID. */
    public static UUID uuid(ServerRequest req, String name) {
        try {
            return UUID.fromString(req.path().pathParameters().get(name));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be a UUID", List.of(name));
        }
    }

    /** @throws ApiException 400 when it is not a number between 1 and {@code max} */
    public static int limit(ServerRequest req, int fallback, int max) {
        try {
            int limit = req.query().first("limit").map(Integer::parseInt).orElse(fallback);
            if (limit < 1 || limit > max) {
                throw ApiException.badRequest("limit must be between 1 and " + max, List.of("limit"));
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number", List.of("limit"));
        }
    }

    /** How many rows of a list to skip; 0 when not given. @throws ApiException 400 when it is not a number >= 0 */
    public static int offset(ServerRequest req) {
        try {
            int offset = req.query().first("offset").map(Integer::parseInt).orElse(0);
            if (offset < 0) {
                throw ApiException.badRequest("offset must be 0 or more", List.of("offset"));
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("offset must be a number", List.of("offset"));
        }
    }

    /** An optional query parameter that must be a UUID. */
    public static Optional<UUID> queryUuid(ServerRequest req, String name) {
        try {
            return req.query().first(name).filter(v -> !v.isBlank()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be a UUID", List.of(name));
        }
    }

    /** An optional query parameter that must be an ISO-8601 instant such as 2026-11-20T10:00:00Z. */
    public static Optional<Instant> queryInstant(ServerRequest req, String name) {
        try {
            return req.query().first(name).filter(v -> !v.isBlank()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 time such as 2026-11-20T10:00:00Z",
                    List.of(name));
        }
    }

    /**
     * The request body, at most {@code maxBytes}: a larger one (by its Content-Length, or once that
     * much is read) is refused with {@code tooLarge}, without reading more of it.
     */
    public static byte[] body(ServerRequest req, long maxBytes, Supplier<ApiException> tooLarge) {
        if (req.headers().contentLength().orElse(0) > maxBytes) {
            throw tooLarge.get();
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge.get();
        }
        return bytes;
    }
}
