package dev.funnel.backend.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Collects invalid request fields so one 400 names all of them. */
public final class Fields {

    private final List<String> problems = new ArrayList<>();

    public Fields required(String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required");
        }
        return this;
    }

    public Fields maxLength(String name, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(name + " must be at most " + max + " characters");
        }
        return this;
    }

    /** When given, the value must be an absolute http(s) URL with a host, like {@code example}. */
    public Fields httpUrl(String name, String value, String example) {
        return check(value == null || isHttpUrl(value), name + " must be an http(s) URL such as " + example);
    }

    public Fields check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** @throws ApiException 400 listing every problem found */
    public void validate() {
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
    }
}
