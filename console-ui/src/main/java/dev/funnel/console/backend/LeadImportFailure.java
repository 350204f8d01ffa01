package dev.funnel.console.backend;

import java.util.List;

/** A CSV row the import refused; {@code row} counts the header as row 1. */
public record LeadImportFailure(int row, List<String> errors) {

    public LeadImportFailure {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
