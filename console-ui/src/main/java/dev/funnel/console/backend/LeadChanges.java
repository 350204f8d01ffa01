package dev.funnel.console.backend;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fields of a lead to change; null leaves a field alone, an empty string clears name, email or
 * company (the backend refuses to clear stage, intent level or sentiment).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadChanges(String name, String email, String company, String stage, String intentLevel,
                          String sentiment) {

    @JsonIgnore
    public boolean isEmpty() {
        return name == null && email == null && company == null && stage == null && intentLevel == null
                && sentiment == null;
    }
}
