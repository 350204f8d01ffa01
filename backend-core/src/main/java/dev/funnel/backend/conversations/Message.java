package dev.funnel.backend.conversations;

import java.time.Instant;
import java.util.UUID;

/** A message in a conversation: from the lead, the bot or a person; {@code replyToWaId} is the message it quotes. */
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
        Instant createdAt) {

    public boolean isOutbound() {
        return !"lead".equals(messageFrom);
    }
}
