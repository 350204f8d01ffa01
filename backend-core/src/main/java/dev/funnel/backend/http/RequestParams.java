package dev.funnel.backend.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;

/** Parameters of a request read once, the same way everywhere: invalid ones are a 400 naming them. */
public final class RequestParams {

    private RequestParams() {
    }

    /** A path parameter that must be a UUID. */
    public static UUID uuid(ServerRequest req, String name) {
        try {
            return UUID.fromString(req.path().pathParameters().get(name));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be a UUID");
        }
    }

    /** @throws ApiException 400 when it is not a number between 1 and {@code max} */
    public static int limit(ServerRequest req, int fallback, int max) {
        try {
            int limit = req.query().first("limit").map(Integer::parseInt).orElse(fallback);
            if (limit < 1 || limit > max) {
                throw ApiException.badRequest("limit must be between 1 and " + max);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number");
        }
    }

    /** @throws ApiException 400 when it is not a number of at least 0 */
    public static int offset(ServerRequest req) {
        try {
            int offset = req.query().first("offset").map(Integer::parseInt).orElse(0);
            if (offset < 0) {
                throw ApiException.badRequest("offset must be 0 or more");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("offset must be a number");
        }
    }
}
