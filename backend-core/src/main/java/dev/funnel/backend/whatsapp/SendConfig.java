package dev.funnel.backend.whatsapp;

/**
 * How the backend paces its Graph API calls: at most {@code messagesPerSecond} per business number
 * ({@code WHATSAPP_MESSAGES_PER_SECOND}, Meta's 80 by default) and how refused sends are retried.
 */
public record SendConfig(int messagesPerSecond, Backoff retry) {

    public SendConfig {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("WHATSAPP_MESSAGES_PER_SECOND must be at least 1, not "
                    + messagesPerSecond);
        }
    }
}
