package dev.funnel.backend.db;

import java.util.Locale;

/**
 * Case-insensitive "contains" searches that run the same on H2 and PostgreSQL: the column is
 * compared as {@code LOWER(column) LIKE ? ESCAPE '\'} with the pattern made here, so a {@code %} or
 * {@code _} that a person types is searched for literally.
 */
public final class Like {

    /** Append after {@code LIKE ?}. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private Like() {
    }

    /** The pattern of values that contain {@code text}, in lower case. */
    public static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
