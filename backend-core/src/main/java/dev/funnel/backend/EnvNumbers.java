package dev.funnel.backend;

import java.util.Map;
import java.util.Optional;

/** Whole-number settings read from the environment, refused with the variable's name when they are not one. */
public final class EnvNumbers {

    private EnvNumbers() {
    }

    /** The value of {@code name}, or {@code fallback} when unset or blank; 0 or more. */
    public static long wholeNumber(Map<String, String> env, String name, long fallback) {
        String raw = Optional.ofNullable(env.get(name)).map(String::trim).orElse("");
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of 0 or more, not '" + raw + "'");
        }
    }

    /** As {@link #wholeNumber}, and at least 1. */
    public static long atLeastOne(Map<String, String> env, String name, long fallback) {
        long value = wholeNumber(env, name, fallback);
        if (value == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }
}
