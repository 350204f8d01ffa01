package dev.funnel.backend.conversations;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message in a conversation: from the lead, the bot or a person; {@code replyToWaId} is the message it quotes.
 * A lead's reaction names the message it reacts to in {@code reactsToWaId}, with {@code reactionEmoji} null
 * when the lead took the reaction back. A shared place has a map link in {@code locationUrl}, shared contact
 * cards a line each in {@code contactCards}.
 */
public record Message(
        UUID id,
        UUID organisationId,
        UUID conversationId,
        UUID leadId,
        String messageFrom,
        String messageType,
        String content,
        String waMessageId,
        String replyToWaId,
        String status,
        String errorCode,
        String errorTitle,
        String turnStatus,
        String idempotencyKey,
        String mediaId,
        String mediaMimeType,
        Instant createdAt,
        String reactsToWaId,
        String reactionEmoji,
        String mediaFilename,
        String locationUrl,
        String contactCards) {

    private static final String TURN_REPLY = "reply:";

    /** The idempotency key of the bot's reply in the turn that answered {@code inboundId}. */
    public static String turnReplyKey(UUID inboundId) {
        return TURN_REPLY + inboundId;
    }

    /** For a bot reply, the turn that wrote it (the inbound message it answered); empty otherwise. */
    public Optional<UUID> turnId() {
        return "bot".equals(messageFrom) && idempotencyKey != null && idempotencyKey.startsWith(TURN_REPLY)
                ? Optional.of(UUID.fromString(idempotencyKey.substring(TURN_REPLY.length()))) : Optional.empty();
    }

    public boolean isReaction() {
        return reactsToWaId != null;
    }

    public boolean isOutbound() {
        return !"lead".equals(messageFrom);
    }
}
