package dev.funnel.console.backend;

import java.time.Instant;

/**
 * One lead's conversation as listed in the inbox. Immutable: updates arrive as whole new values.
 * {@code lastUserMessageAt}: when the lead last wrote (null: never), which opens WhatsApp's 24-hour window.
 * {@code unreadCount}: the lead's messages no one on the team has opened the chat to see yet.
 */
public record Conversation(
        String id,
        String leadId,
        String leadName,
        String leadPhone,
        String stage,
        String intentLevel,
        String userSentiment,
        ConversationMode mode,
        boolean needsAttention,
        String attentionReason,
        boolean simulated,
        String rollingSummary,
        String lastMessage,
        Instant lastMessageAt,
        Instant updatedAt,
        Instant lastUserMessageAt,
        int unreadCount) {

    /** A conversation with nothing unread. */
    public Conversation(String id, String leadId, String leadName, String leadPhone, String stage, String intentLevel,
                        String userSentiment, ConversationMode mode, boolean needsAttention, String attentionReason,
                        boolean simulated, String rollingSummary, String lastMessage, Instant lastMessageAt,
                        Instant updatedAt, Instant lastUserMessageAt) {
        this(id, leadId, leadName, leadPhone, stage, intentLevel, userSentiment, mode, needsAttention, attentionReason,
                simulated, rollingSummary, lastMessage, lastMessageAt, updatedAt, lastUserMessageAt, 0);
    }

    public boolean humanMode() {
        return mode == ConversationMode.HUMAN;
    }

    /** The name to show: leads often have no name yet, only a phone number. */
    public String displayName() {
        return leadName == null || leadName.isBlank() ? leadPhone : leadName;
    }

    public Conversation withLastMessage(String content, Instant at) {
        return new Conversation(id, leadId, leadName, leadPhone, stage, intentLevel, userSentiment, mode,
                needsAttention, attentionReason, simulated, rollingSummary, content, at, updatedAt,
                lastUserMessageAt, unreadCount);
    }

    public Conversation withAttention(String reason) {
        return new Conversation(id, leadId, leadName, leadPhone, stage, intentLevel, userSentiment, mode,
                true, reason, simulated, rollingSummary, lastMessage, lastMessageAt, updatedAt,
                lastUserMessageAt, unreadCount);
    }

    /** What the list shows once this console has marked the chat read. */
    public Conversation read() {
        return new Conversation(id, leadId, leadName, leadPhone, stage, intentLevel, userSentiment, mode,
                needsAttention, attentionReason, simulated, rollingSummary, lastMessage, lastMessageAt, updatedAt,
                lastUserMessageAt, 0);
    }
}
