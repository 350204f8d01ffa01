package dev.funnel.backend.ctas;

import java.time.Instant;
import java.util.UUID;

/**
 * A call to action of an organisation: the concrete next step the bot may lead a lead to. {@code type}
 * is one of {@link CtaType}'s ids (older rows may hold another word; the prompts show it as it is).
 */
public record Cta(UUID id, UUID organisationId, String name, String type, String description, String url,
                  boolean active, Instant createdAt, Instant updatedAt) {

    /** How the prompts list it: {@code name (type): description}. */
    public String promptLine() {
        return name + " (" + type + ")" + (description == null ? "" : ": " + description);
    }
}
