package dev.funnel.backend.leads;

import java.time.Instant;
import java.util.UUID;

/** A lead as the API shows it. */
public record LeadOut(
        UUID id,
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

    public static LeadOut of(Lead l) {
        return new LeadOut(l.id(), l.phone(), l.name(), l.email(), l.company(), l.stage(), l.intentLevel(),
                l.sentiment(), l.simulated(), l.conversationId(), l.createdAt(), l.updatedAt());
    }
}
