package dev.funnel.console.backend;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A WhatsApp message template as the backend keeps it: DRAFT until submitted, then Meta's status
 * (PENDING, APPROVED, REJECTED with {@code statusReason}...). Only APPROVED ones can be sent.
 */
public record Template(
        String id,
        String name,
        String language,
        String category,
        List<TemplateComponent> components,
        String status,
        String statusReason,
        String metaTemplateId,
        TemplateParameters parameters,
        Instant createdAt,
        Instant updatedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public Template {
        components = components == null ? List.of() : List.copyOf(components);
        parameters = parameters == null ? new TemplateParameters(0, 0, 0) : parameters;
    }

    public boolean approved() {
        return APPROVED.equals(status);
    }

    /** Only a draft or a rejected template can be changed and submitted. */
    public boolean editable() {
        return DRAFT.equals(status) || REJECTED.equals(status);
    }

    public Optional<TemplateComponent> component(String type) {
        return components.stream().filter(c -> type.equalsIgnoreCase(c.type())).findFirst();
    }
}
