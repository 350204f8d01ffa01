package dev.funnel.backend.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.http.Json;
import java.time.Instant;
import java.util.UUID;

/**
 * A template as the API and the live events show it; {@code parameters} says how many values a send
 * must give for the header, the body and the URL buttons.
 */
public record TemplateOut(UUID id, String name, String language, String category, JsonNode components,
                          String status, String statusReason, String metaTemplateId, Parameters parameters,
                          Instant createdAt, Instant updatedAt) {

    /** Sent to an organisation's consoles when Meta changes a template's status. */
    public static final String EVENT = "template_updated";

    public record Parameters(int header, int body, int buttons) {
    }

    public static TemplateOut of(Template t) {
        TemplateComponents c = t.components();
        return new TemplateOut(t.id(), t.name(), t.language(), t.category(), Json.tree(t.componentsJson()),
                t.status(), t.statusReason(), t.metaTemplateId(),
                new Parameters(c.headerVariables(), c.bodyVariables(), c.dynamicUrlButtons().size()),
                t.createdAt(), t.updatedAt());
    }
}
