package dev.funnel.console.backend;

import java.util.List;

/**
 * A call to the backend failed. The message is meant for the person at the console: it is the
 * backend's own {@code error} text, or a plain sentence saying the server could not be reached.
 */
public class BackendException extends RuntimeException {

    /** Used when no HTTP answer arrived at all (connection refused, timeout). */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final List<String> fields;

    public BackendException(int status, String message) {
        this(status, message, List.of());
    }

    /** @param fields the request fields the backend named as wrong (a 400's {@code fields}) */
    public BackendException(int status, String message, List<String> fields) {
        super(message);
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_RESPONSE;
        this.fields = List.of();
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The request fields at fault, as the backend names them ("name", "components[BODY].text"...); often none. */
    public List<String> fields() {
        return fields;
    }
}
