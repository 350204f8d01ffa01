package dev.funnel.backend.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the API and the live events show it; {@code error} says why a send failed and
 * {@code replyToWaId} names the WhatsApp message it quotes; {@code turnId} is the bot turn that wrote a
 * bot reply (its trace is {@code /conversations/{id}/turns/{turnId}}), null for other messages.
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
        UUID turnId) {

    public static MessageOut of(Message m, boolean simulated) {
        String error = m.errorTitle() == null ? null
                : (m.errorCode() == null ? "" : "[" + m.errorCode() + "] ") + m.errorTitle();
        return new MessageOut(m.id(), m.conversationId(), m.messageFrom(), m.messageType(), m.content(), m.status(),
                error, m.waMessageId(), m.replyToWaId(), simulated, m.createdAt(), m.turnId().orElse(null));
    }
}
