package dev.funnel.backend.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Collects invalid request fields so one 400 names all of them, in its message and in its {@code fields} list. */
public final class Fields {

    /** A problem's leading word, when it is a JSON field name ("email is not valid"). */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    public Fields required(String name, String value) {
        return check(name, value != null && !value.isBlank(), name + " is required");
    }

    public Fields maxLength(String name, String value, int max) {
        return check(name, value == null || value.length() <= max, name + " must be at most " + max + " characters");
    }

    /** When given, the value must be an absolute http(s) URL with a host, like {@code example}. */
    public Fields httpUrl(String name, String value, String example) {
        return check(name, value == null || isHttpUrl(value), name + " must be an http(s) URL such as " + example);
    }

    /** A problem with the field {@code name}; {@code problem} is the sentence shown for it. */
    public Fields check(String name, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            if (name != null) {
                names.add(name);
            }
        }
        return this;
    }

    /** A problem whose sentence starts with the field's name, which the 400 then lists ("email is not valid"). */
    public Fields check(boolean ok, String problem) {
        String first = problem.split(" ", 2)[0];
        return check(FIELD_NAME.matcher(first).matches() ? first : null, ok, problem);
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

    /**
     * The canonical id of {@code raw} when {@code parse} knows it (null when {@code raw} is null); otherwise
     * null and a problem naming the allowed ids.
     */
    public <E> String oneOf(String name, String raw, Function<String, Optional<E>> parse, Function<E, String> id,
                            E[] allowed) {
        if (raw == null) {
            return null;
        }
        Optional<E> value = parse.apply(raw);
        check(name, value.isPresent(), name + " must be one of: "
                + Arrays.stream(allowed).map(id).collect(Collectors.joining(", ")));
        return value.map(id).orElse(null);
    }

    /** What was found wrong so far, each naming its field. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws ApiException 400 listing every problem found and the fields they are about */
    public void validate() {
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems), List.copyOf(names));
        }
    }
}
