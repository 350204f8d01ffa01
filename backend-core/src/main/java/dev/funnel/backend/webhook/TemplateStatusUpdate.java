package dev.funnel.backend.webhook;

/**
 * A {@code message_template_status_update}: Meta approved, rejected, paused... one of our templates.
 *
 * @param businessAccountId {@code entry[].id}
 * @param event             as Meta sends it: APPROVED, PENDING, REJECTED, PAUSED, DISABLED, IN_APPEAL,
 *                          FLAGGED, or any newer value
 * @param templateId        {@code message_template_id}, as text (Meta sends a number)
 * @param reason            {@code rejection_info.reason} when present (it tells a person what to fix),
 *                          else {@code reason} (a code such as INVALID_FORMAT or NONE)
 */
public record TemplateStatusUpdate(String businessAccountId, String event, String templateId,
                                   String templateName, String language, String reason) {
}
