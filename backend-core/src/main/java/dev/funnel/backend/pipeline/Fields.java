package dev.funnel.backend.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * Validation used by the step records' constructors. Required fields must be present; optional
 * ones get a harmless empty value, because models often leave out empty lists and blank strings.
 */
final class Fields {

    private Fields() {
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }

    static String requiredText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing or empty");
        }
        return value.strip();
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Null when blank: models write "", "null" or "none" for "no value". */
    static String textOrNull(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("null")
                || value.strip().equalsIgnoreCase("none")) {
            return null;
        }
        return value.strip();
    }

    /** The BCP 47 code for a language not (yet) known. */
    static final String UNDETERMINED_LANGUAGE = "und";

    /** A language code such as "en" or "hi-Latn"; "und" (undetermined) when none was given. */
    static String language(String value) {
        return value == null || value.isBlank() ? UNDETERMINED_LANGUAGE : value.strip();
    }

    static boolean undetermined(String language) {
        return UNDETERMINED_LANGUAGE.equals(language);
    }

    static List<String> list(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
