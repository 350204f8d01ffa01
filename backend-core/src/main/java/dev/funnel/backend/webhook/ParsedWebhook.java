package dev.funnel.backend.webhook;

import java.util.List;

/**
 * Everything one webhook body carried, in payload order.
 *
 * @param ignoredFields {@code changes[].field} values we deliberately do not handle, each listed once
 * @param skipped       why each unreadable message, status or template update was left out, so a
 *                      delivery that yields less than it should can be explained from the logs
 */
public record ParsedWebhook(List<InboundMessage> messages, List<StatusUpdate> statuses,
                            List<TemplateStatusUpdate> templateUpdates, List<String> ignoredFields,
                            List<String> skipped) {

    public ParsedWebhook {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
        templateUpdates = List.copyOf(templateUpdates);
        ignoredFields = List.copyOf(ignoredFields);
        skipped = List.copyOf(skipped);
    }

    static ParsedWebhook empty() {
        return new ParsedWebhook(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** True when the body yielded nothing to act on (another field, another object, or all skipped). */
    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty() && templateUpdates.isEmpty();
    }
}
