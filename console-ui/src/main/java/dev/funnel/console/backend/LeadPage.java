package dev.funnel.console.backend;

import java.util.List;

/** One page of leads, the most recently changed first, and how many match the filter in all. */
public record LeadPage(List<Lead> items, int total, int limit, int offset) {

    public LeadPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
