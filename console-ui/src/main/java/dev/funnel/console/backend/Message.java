package dev.funnel.console.backend;

import java.time.Instant;

/**
 * One chat message. {@code status} is the WhatsApp delivery state of an outbound message
 * (sent, delivered, read, failed); {@code error} explains a failure; {@code turnId} is the bot turn
 * that wrote a bot reply (null for other messages), whose trace explains it.
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
        String turnId) {

    public boolean failed() {
        return "failed".equalsIgnoreCase(status);
    }
}
