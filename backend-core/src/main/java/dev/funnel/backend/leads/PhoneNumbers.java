package dev.funnel.backend.leads;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as leads are keyed by: E.164, kept as WhatsApp names a sender ({@code from},
 * {@code wa_id}): the country code and number, digits only, without the '+'. A lead added by hand or
 * imported is then the same row as the one its first WhatsApp message finds.
 */
public final class PhoneNumbers {

    public static final String RULE =
            "must be an international number with its country code, 8 to 15 digits (e.g. +14155550123)";

    /** Spaces, dashes, dots, slashes and brackets people write numbers with. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./()]");
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{7,14}");

    private PhoneNumbers() {
    }

    /** The number's E.164 digits; empty when it is not a full international number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("+")) {
            compact = compact.substring(1);
        } else if (compact.startsWith("00")) {
            compact = compact.substring(2);
        }
        return E164_DIGITS.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
