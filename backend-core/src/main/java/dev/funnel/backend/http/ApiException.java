package dev.funnel.backend.http;

import io.helidon.http.Status;

/** A request that cannot be served as asked: answered with its status and a message a person can act on. */
public class ApiException extends RuntimeException {

    private final Status status;

    public ApiException(Status status, String message) {
        super(message);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(Status.UNAUTHORIZED_401, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(Status.NOT_FOUND_404, what + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT_409, message);
    }
}
