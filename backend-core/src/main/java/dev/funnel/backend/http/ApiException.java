package dev.funnel.backend.http;

import io.helidon.http.Status;
import java.util.List;

/** A request that cannot be served as asked: answered with its status and a message a person can act on. */
public class ApiException extends RuntimeException {

    private final Status status;
    private final List<String> fields;

    public ApiException(Status status, String message) {
        this(status, message, List.of());
    }

    /** @param fields the request fields the problem is about; the error body lists them */
    public ApiException(Status status, String message, List<String> fields) {
        super(message);
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    public Status status() {
        return status;
    }

    /** The request fields at fault, or none. */
    public List<String> fields() {
        return fields;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message);
    }

    public static ApiException badRequest(String message, List<String> fields) {
        return new ApiException(Status.BAD_REQUEST_400, message, fields);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(Status.UNAUTHORIZED_401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN_403, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(Status.NOT_FOUND_404, what + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT_409, message);
    }
}
