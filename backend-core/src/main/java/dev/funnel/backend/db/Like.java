package dev.funnel.backend.db;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case-insensitive "contains" searches that run the same on H2 and PostgreSQL: the column is
 * compared as {@code LOWER(column) LIKE ? ESCAPE '\'} with the pattern made here, so a {@code %} or
 * {@code _} that a person types is searched for literally.
 */
public final class Like {

    /** Append after {@code LIKE ?}. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9\\s\\-./()]+");

    private Like() {
    }

    /** The pattern of values that contain {@code text}, in lower case. */
    public static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * The pattern of stored phones (E.164 digits) that contain a typed number: "+91 98000-00003" is
     * searched as its digits; text that is not a number is searched as it is.
     */
    public static String containsPhone(String typed) {
        String trimmed = typed.strip();
        return contains(PHONE_LIKE.matcher(trimmed).matches() ? trimmed.replaceAll("[^0-9]", "") : trimmed);
    }
}
