package dev.funnel.console.backend;

import java.util.List;

/** What a CSV import did: leads added, filled in, left as they were, and the rows refused with their problems. */
public record LeadImportResult(int imported, int updated, int unchanged, List<LeadImportFailure> failed) {

    public LeadImportResult {
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
