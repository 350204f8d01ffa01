package dev.funnel.console.backend;

import java.time.Instant;

/**
 * A lead as the backend lists it. {@code stage}, {@code intentLevel} and {@code sentiment} are the
 * backend's ids (see {@code leads.LeadStates}); name, email and company may be null.
 */
public record Lead(String id, String phone, String name, String email, String company, String stage,
                   String intentLevel, String sentiment, boolean simulated, String conversationId,
                   Instant createdAt, Instant updatedAt) {
}
