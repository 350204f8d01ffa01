package dev.funnel.backend.webhook;

import java.time.Instant;
import java.util.List;

/**
 * What happened to one of our outbound messages.
 *
 * @param waMessageId the id Meta gave our outbound message
 * @param status      lower case: sent, delivered, read, failed, played, or any newer value
 * @param errors      why it failed; empty otherwise
 */
public record StatusUpdate(String phoneNumberId, String waMessageId, String status, Instant timestamp,
                           String recipientId, List<ErrorInfo> errors, String pricingCategory,
                           Boolean billable, String bizOpaqueCallbackData, String conversationId) {

    public StatusUpdate {
        errors = List.copyOf(errors);
    }

    /**
     * Statuses arrive out of order and more than once, so a stored status only moves to a higher rank.
     * Failed outranks everything: once a message failed, a late "sent" must not hide it. Unknown
     * statuses rank 0 so they never overwrite a known one.
     */
    public int rank() {
        return switch (status) {
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            case "played" -> 4;
            case "failed" -> 5;
            case null, default -> 0;
        };
    }
}
