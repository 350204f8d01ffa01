package dev.funnel.backend.auth;

import dev.funnel.backend.http.ApiException;
import java.util.UUID;

/** The authenticated person behind a request; every query is scoped to their organisation. */
public record Caller(UUID userId, UUID organisationId, String role) {

    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    /**
     * @param what what the caller tried, to finish "Only an admin can ...", e.g. "change prompts"
     * @return this caller, an admin
     * @throws ApiException 403 when the caller is an agent
     */
    public Caller requireAdmin(String what) {
        if (!isAdmin()) {
            throw ApiException.forbidden("Only an admin can " + what + ": ask an admin of your organisation");
        }
        return this;
    }
}
