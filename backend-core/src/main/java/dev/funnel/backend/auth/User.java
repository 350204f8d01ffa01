package dev.funnel.backend.auth;

import java.time.Instant;
import java.util.UUID;

/** A person who logs in to the console. */
public record User(UUID id, UUID organisationId, String name, String email, String passwordHash, String role,
                   boolean active, Instant createdAt, Instant lastLoginAt) {

    public boolean isActiveAdmin() {
        return active && Caller.ADMIN.equals(role);
    }
}
