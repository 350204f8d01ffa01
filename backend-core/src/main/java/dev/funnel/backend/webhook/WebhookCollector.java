package dev.funnel.backend.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Gathers what the readers of one webhook body find, in payload order. */
final class WebhookCollector {

    private final List<InboundMessage> messages = new ArrayList<>();
    private final List<StatusUpdate> statuses = new ArrayList<>();
    private final List<TemplateStatusUpdate> templateUpdates = new ArrayList<>();
    private final Set<String> ignoredFields = new LinkedHashSet<>();
    private final List<String> skipped = new ArrayList<>();

    void message(InboundMessage message) {
        messages.add(message);
    }

    void status(StatusUpdate status) {
        statuses.add(status);
    }

    void templateUpdate(TemplateStatusUpdate update) {
        templateUpdates.add(update);
    }

    void ignoredField(String field) {
        ignoredFields.add(field);
    }

    void skipped(String where, String reason) {
        skipped.add(where + ": " + reason);
    }

    ParsedWebhook build() {
        return new ParsedWebhook(messages, statuses, templateUpdates, List.copyOf(ignoredFields), skipped);
    }
}
