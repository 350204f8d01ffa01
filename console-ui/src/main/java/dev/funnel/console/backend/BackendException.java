package dev.funnel.console.backend;

/**
 * A call to the backend failed. The message is meant for the person at the console: it is the
 * backend's own {@code error} text, or a plain sentence saying the server could not be reached.
 */
public class BackendException extends RuntimeException {

    /** Used when no HTTP answer arrived at all (connection refused, timeout). */
    public static final int NO_RESPONSE = 0;

    private final int status;

    public BackendException(int status, String message) {
        super(message);
        this.status = status;
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_RESPONSE;
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }
}
