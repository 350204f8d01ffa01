package dev.funnel.backend.ctas;

import java.util.UUID;

/** A call to action of an organisation: the concrete next step the bot may lead a lead to. */
public record Cta(UUID id, UUID organisationId, String name, String type, String description) {

    /** How the prompts list it: {@code name (type): description}. */
    public String promptLine() {
        return name + " (" + type + ")" + (description == null ? "" : ": " + description);
    }
}
