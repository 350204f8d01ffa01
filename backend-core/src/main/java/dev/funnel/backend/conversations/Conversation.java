package dev.funnel.backend.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * One lead's conversation with its pipeline state. {@code mode} is {@code bot} or {@code human}: in
 * human mode the bot never sends anything. {@code unreadCount}: lead messages no one on the team has
 * opened the chat to see since they came.
 */
public record Conversation(
        UUID id,
        UUID organisationId,
        UUID leadId,
        String leadName,
        String leadPhone,
        boolean simulated,
        String stage,
        String intentLevel,
        String userSentiment,
        String mode,
        boolean needsAttention,
        String attentionReason,
        String rollingSummary,
        String lastMessage,
        Instant lastMessageAt,
        Instant lastUserMessageAt,
        Instant lastBotMessageAt,
        int followupCount24h,
        int totalNudges,
        Instant updatedAt,
        String leadLanguage,
        int unreadCount) {

    public boolean inHumanMode() {
        return "human".equals(mode);
    }
}
