package dev.funnel.backend.ctas;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of next step a CTA can be. The analysis prompt moves a lead to the {@code cta} stage when
 * they are "ready for a call, demo, visit or payment"; a booking (survey, appointment) and a link to
 * follow (sign-up, catalogue) are the other steps businesses offer.
 */
public enum CtaType {
    BOOKING, CALL, DEMO, VISIT, PAYMENT, LINK;

    /** The id stored and shown: the name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CtaType> parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id == null ? null : id.strip().toLowerCase(
                Locale.ROOT))).findFirst();
    }

    /** "booking, call, ..." for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(CtaType::id).collect(Collectors.joining(", "));
    }
}
