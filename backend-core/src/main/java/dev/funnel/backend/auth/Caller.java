package dev.funnel.backend.auth;

import java.util.UUID;

/** The authenticated person behind a request; every query is scoped to their organisation. */
public record Caller(UUID userId, UUID organisationId, String role) {
}
