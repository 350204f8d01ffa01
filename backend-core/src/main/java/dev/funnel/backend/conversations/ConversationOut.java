package dev.funnel.backend.conversations;

import java.time.Instant;
import java.util.UUID;

/** A conversation as the API and the live events show it; {@code unreadCount} drives the inbox's badge. */
public record ConversationOut(
        UUID id,
        UUID leadId,
        String leadName,
        String leadPhone,
        String stage,
        String intentLevel,
        String userSentiment,
        String mode,
        boolean needsAttention,
        String attentionReason,
        boolean simulated,
        String rollingSummary,
        String lastMessage,
        Instant lastMessageAt,
        Instant lastUserMessageAt,
        Instant updatedAt,
        int unreadCount) {

    public static ConversationOut of(Conversation c) {
        return new ConversationOut(c.id(), c.leadId(), c.leadName(), c.leadPhone(), c.stage(), c.intentLevel(),
                c.userSentiment(), c.mode(), c.needsAttention(), c.attentionReason(), c.simulated(),
                c.rollingSummary(), c.lastMessage(), c.lastMessageAt(), c.lastUserMessageAt(), c.updatedAt(),
                c.unreadCount());
    }
}
