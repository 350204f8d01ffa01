package dev.funnel.backend.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    public Fields check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
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
        if (value.isEmpty()) {
            problems.add(name + " must be one of: "
                    + Arrays.stream(allowed).map(id).collect(Collectors.joining(", ")));
        }
        return value.map(id).orElse(null);
    }

    /** What was found wrong so far, each naming its field. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws ApiException 400 listing every problem found */
    public void validate() {
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
    }
}
