package dev.funnel.backend.leads;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who wrote to the business on WhatsApp (or through the simulator), or who was added or
 * imported by a person. Stage, intent and sentiment are the conversation's once there is one (the
 * bot keeps those up to date); a lead without a conversation keeps its own. {@code updatedAt} is the
 * later of the lead's and its conversation's last change.
 */
public record Lead(
        UUID id,
        UUID organisationId,
        String phone,
        String name,
        String email,
        String company,
        String stage,
        String intentLevel,
        String sentiment,
        boolean simulated,
        UUID conversationId,
        Instant createdAt,
        Instant updatedAt) {
}
