package dev.funnel.backend.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the API and the live events show it; {@code error} says why a send failed and
 * {@code replyToWaId} names the WhatsApp message it quotes; {@code turnId} is the bot turn that wrote a
 * bot reply (its trace is {@code /conversations/{id}/turns/{turnId}}), null for other messages.
 * A lead's image, voice note or document has {@code mediaId} (its bytes at {@code /media/{id}}) and
 * {@code mediaMimeType}, a document its {@code mediaFilename}. A lead's reaction has
 * {@code reactsToWaId} and {@code reactionEmoji} (null: taken back); in a conversation's message list
 * it is shown on the message it reacts to instead, as {@code leadReaction}. A shared place has
 * {@code locationUrl} (a map link), shared contacts {@code contactCards} (a line per card).
 */
public record MessageOut(
        UUID id,
        UUID conversationId,
        String messageFrom,
        String messageType,
        String content,
        String status,
        String error,
        String waMessageId,
        String replyToWaId,
        boolean simulated,
        Instant createdAt,
        UUID turnId,
        String mediaId,
        String mediaMimeType,
        String mediaFilename,
        String reactsToWaId,
        String reactionEmoji,
        String leadReaction,
        String locationUrl,
        String contactCards) {

    public static MessageOut of(Message m, boolean simulated) {
        String error = m.errorTitle() == null ? null
                : (m.errorCode() == null ? "" : "[" + m.errorCode() + "] ") + m.errorTitle();
        return new MessageOut(m.id(), m.conversationId(), m.messageFrom(), m.messageType(), m.content(), m.status(),
                error, m.waMessageId(), m.replyToWaId(), simulated, m.createdAt(), m.turnId().orElse(null),
                m.mediaId(), m.mediaMimeType(), m.mediaFilename(), m.reactsToWaId(), m.reactionEmoji(), null,
                m.locationUrl(), m.contactCards());
    }

    public MessageOut withLeadReaction(String emoji) {
        return new MessageOut(id, conversationId, messageFrom, messageType, content, status, error, waMessageId,
                replyToWaId, simulated, createdAt, turnId, mediaId, mediaMimeType, mediaFilename, reactsToWaId,
                reactionEmoji, emoji, locationUrl, contactCards);
    }
}
