package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An admin's change to another account: the role, or active (false deactivates); null leaves it as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamMemberChange(String role, Boolean isActive) {

    public static TeamMemberChange role(String role) {
        return new TeamMemberChange(role, null);
    }

    public static TeamMemberChange active(boolean active) {
        return new TeamMemberChange(null, active);
    }
}
