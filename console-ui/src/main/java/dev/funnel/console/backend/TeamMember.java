package dev.funnel.console.backend;

import java.time.Instant;

/** A person of the organisation as {@code /users} lists them; {@code lastLoginAt} is null before the first login. */
public record TeamMember(String id, String name, String email, String role, boolean isActive, Instant lastLoginAt,
                         Instant createdAt) {

    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";

    public boolean admin() {
        return ADMIN.equals(role);
    }
}
