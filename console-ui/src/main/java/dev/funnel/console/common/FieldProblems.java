package dev.funnel.console.common;

import dev.funnel.console.backend.BackendException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a 400 that names request fields into one sentence per field, to show next to each field.
 * The backend joins its problems with "; " and starts each with the field's JSON name
 * ("max_words must be 10 to 300"); the name is dropped since the sentence sits under the field.
 */
public final class FieldProblems {

    private FieldProblems() {
    }

    /** Field (JSON name) → "Must be 10 to 300"; empty when the failure names no field. */
    public static Map<String, String> of(Throwable failure) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (failure instanceof BackendException backend) {
            backend.problemsByField().forEach((field, sentences) -> problems.put(field, withoutName(field, sentences)));
        }
        return problems;
    }

    /** "max_words must be 10 to 300" under the field "max_words" reads "Must be 10 to 300". */
    private static String withoutName(String field, String sentences) {
        List<String> shown = new ArrayList<>();
        for (String sentence : sentences.split("; ")) {
            String rest = sentence.startsWith(field + " ") ? sentence.substring(field.length()).strip() : sentence;
            shown.add(rest.isEmpty() ? sentence : Character.toUpperCase(rest.charAt(0)) + rest.substring(1));
        }
        return String.join("; ", shown);
    }
}
