package dev.funnel.backend.webhook;

import static dev.funnel.backend.webhook.TolerantJson.nonEmptyText;
import static dev.funnel.backend.webhook.TolerantJson.text;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the value of a {@code message_template_status_update} change. */
final class TemplateUpdateReader {

    private TemplateUpdateReader() {
    }

    static void read(JsonNode value, String businessAccountId, String where, WebhookCollector out) {
        String event = nonEmptyText(value.path("event"));
        String templateId = nonEmptyText(value.path("message_template_id"));
        String templateName = nonEmptyText(value.path("message_template_name"));
        if (event == null || (templateId == null && templateName == null)) {
            out.skipped(where, "template status update lacks its event or template id and name");
            return;
        }
        String detailedReason = nonEmptyText(value.path("rejection_info").path("reason"));
        out.templateUpdate(new TemplateStatusUpdate(businessAccountId, event, templateId, templateName,
                text(value.path("message_template_language")),
                detailedReason != null ? detailedReason : text(value.path("reason"))));
    }
}
