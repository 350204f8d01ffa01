package dev.funnel.backend.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A WhatsApp message template of an organisation. {@code status} is DRAFT until it is submitted, then
 * Meta's: PENDING, APPROVED, REJECTED, PAUSED, DISABLED...; {@code componentsJson} holds its components
 * in Meta's own shape.
 */
public record Template(UUID id, UUID organisationId, String name, String language, String category,
                       String componentsJson, String status, String metaTemplateId, String statusReason,
                       Instant createdAt, Instant updatedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** Categories Meta accepts for a new template. */
    public static final List<String> CATEGORIES = List.of("MARKETING", "UTILITY", "AUTHENTICATION");

    /** Only a template Meta has not approved may still be changed here and (re)submitted. */
    public boolean editable() {
        return DRAFT.equals(status) || REJECTED.equals(status);
    }

    /**
     * The status a status-update event leaves a template in. FLAGGED warns that the quality is low but
     * the template may still be sent, and REINSTATED ends a pause: both leave it APPROVED.
     */
    public static String statusAfter(String event) {
        return switch (event) {
            case "FLAGGED", "REINSTATED" -> APPROVED;
            default -> event;
        };
    }

    public TemplateComponents components() {
        return TemplateComponents.parse(componentsJson);
    }
}
