package dev.funnel.console.backend;

import java.time.Instant;

/**
 * A webhook the backend kept because it could not use it. {@code receiveCount} is how often the
 * queue delivered it, so one more than the failed attempts when it failed on every retry.
 */
public record RejectedWebhook(String id, String reason, int receiveCount, int size, Instant receivedAt) {
}
