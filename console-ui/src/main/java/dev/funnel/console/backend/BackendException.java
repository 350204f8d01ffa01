package dev.funnel.console.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** @param fields the request fields the backend named as at fault (a 400's {@code fields}) */
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

    /** The request fields at fault, in the backend's JSON names; empty when the problem is not about fields. */
    public List<String> fields() {
        return fields;
    }

    /**
     * Each field at fault with its own problem, for showing next to the field. The backend joins its
     * problems with "; " and starts each with the field's name ("email must be an address like ...").
     */
    public Map<String, String> problemsByField() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String problem : getMessage().split("; ")) {
            String first = problem.split(" ", 2)[0];
            if (fields.contains(first)) {
                problems.merge(first, problem, (a, b) -> a + "; " + b);
            }
        }
        for (String field : fields) {
            problems.putIfAbsent(field, getMessage());
        }
        return problems;
    }
}
