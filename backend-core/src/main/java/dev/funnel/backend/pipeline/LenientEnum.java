package dev.funnel.backend.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lenient lookup shared by the pipeline's enums. Models write "Very High", "very-high" or
 * "VERY_HIGH" for the same thing; all of them should land on one constant.
 */
final class LenientEnum {

    private LenientEnum() {
    }

    /** Lower case, trimmed, runs of spaces and hyphens turned into one underscore. */
    static String key(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    static <E extends Enum<E>> Optional<E> parse(String raw, E[] values, Function<E, String> id,
                                                 Map<String, E> synonyms) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String key = key(raw);
        for (E value : values) {
            if (key.equals(key(id.apply(value))) || key.equals(key(value.name()))) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(synonyms.get(key));
    }

    /** The error a lenient parse turns into when nothing matched; lists what would have. */
    static <E extends Enum<E>> IllegalArgumentException unknown(String raw, String what, E[] values,
                                                               Function<E, String> id) {
        String allowed = Arrays.stream(values).map(id).collect(Collectors.joining(", "));
        return new IllegalArgumentException("'" + raw + "' is not a known " + what
                + " (expected one of: " + allowed + ")");
    }
}
