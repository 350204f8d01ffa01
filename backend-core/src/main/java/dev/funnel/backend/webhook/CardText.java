package dev.funnel.backend.webhook;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a chat shows for a shared place or contact cards, beyond the one-line preview of {@link DisplayText}. */
public final class CardText {

    private CardText() {
    }

    /**
     * A link to the shared place: OpenStreetMap at its coordinates, or else Meta's own https link; null for
     * other content or a place with neither.
     */
    public static String locationUrl(MessageContent content) {
        if (!(content instanceof MessageContent.Location location)) {
            return null;
        }
        if (location.latitude() != null && location.longitude() != null) {
            return String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.7f&mlon=%.7f#map=17/%.7f/%.7f",
                    location.latitude(), location.longitude(), location.latitude(), location.longitude());
        }
        return location.url() != null && location.url().startsWith("https://") ? location.url() : null;
    }

    /** One line a card: "Chandler Bing · +1 555-555-5555 · chandler@example.com · Acme"; null for other content. */
    public static String contactLines(MessageContent content) {
        if (!(content instanceof MessageContent.Contacts contacts) || contacts.cards().isEmpty()) {
            return null;
        }
        return contacts.cards().stream()
                .map(card -> Stream.of(Stream.of(Objects.requireNonNullElse(card.formattedName(), "(no name)")),
                                card.phones().stream(), card.emails().stream(), Stream.ofNullable(card.organisation()))
                        .flatMap(part -> part)
                        .filter(part -> !part.isBlank())
                        .collect(Collectors.joining(" · ")))
                .collect(Collectors.joining("\n"));
    }
}
