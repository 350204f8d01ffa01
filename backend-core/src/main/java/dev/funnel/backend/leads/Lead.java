package dev.funnel.backend.leads;

import java.util.UUID;

/** A person who wrote to the business on WhatsApp (or through the simulator). */
public record Lead(UUID id, UUID organisationId, String phone, String name, boolean simulated) {
}
