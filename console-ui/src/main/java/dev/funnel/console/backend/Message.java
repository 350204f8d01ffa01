package dev.funnel.console.backend;

import java.time.Instant;

/**
 * One chat message. {@code status} is the WhatsApp delivery state of an outbound message
 * (sent, delivered, read, failed); {@code error} explains a failure; {@code turnId} is the bot turn
 * that wrote a bot reply (null for other messages), whose trace explains it. {@code replyToWaId} is the
 * WhatsApp id of the message it quotes. A lead's image, voice note or document has {@code mediaId}
 * (its bytes come from {@link BackendClient#media}), {@code mediaMimeType} and, for a document,
 * {@code mediaFilename}. A lead's reaction has {@code reactsToWaId} and {@code reactionEmoji} (null:
 * taken back); {@code leadReaction} is the lead's current reaction to this message. A shared place has a
 * map link in {@code locationUrl}; shared contacts have a line per card in {@code contactCards}.
 */
public record Message(
        String id,
        String conversationId,
        MessageFrom messageFrom,
        String messageType,
        String content,
        String status,
        String error,
        Instant createdAt,
        String turnId,
        String waMessageId,
        String replyToWaId,
        String mediaId,
        String mediaMimeType,
        String mediaFilename,
        String reactsToWaId,
        String reactionEmoji,
        String leadReaction,
        String locationUrl,
        String contactCards) {

    /** A message with no WhatsApp id, media, quote or reaction: what a person or the bot just sent. */
    public Message(String id, String conversationId, MessageFrom messageFrom, String messageType, String content,
                   String status, String error, Instant createdAt, String turnId) {
        this(id, conversationId, messageFrom, messageType, content, status, error, createdAt, turnId, null, null,
                null, null, null, null, null, null, null, null);
    }

    public boolean failed() {
        return "failed".equalsIgnoreCase(status);
    }

    public boolean isReaction() {
        return reactsToWaId != null;
    }

    public boolean hasMedia() {
        return mediaId != null;
    }

    public Message withLeadReaction(String emoji) {
        return new Message(id, conversationId, messageFrom, messageType, content, status, error, createdAt, turnId,
                waMessageId, replyToWaId, mediaId, mediaMimeType, mediaFilename, reactsToWaId, reactionEmoji, emoji,
                locationUrl, contactCards);
    }
}
