package dev.funnel.console.leads;

import dev.funnel.console.backend.Lead;
import dev.funnel.console.backend.TestData;

/** Leads for the ViewModel tests. */
final class Leads {

    private Leads() {
    }

    static Lead lead(String id, String name, String phone, String stage, String intentLevel, String sentiment) {
        return new Lead(id, phone, name, null, null, stage, intentLevel, sentiment, false, null, TestData.NOW,
                TestData.NOW);
    }

    static Lead lead(String id, String name) {
        return lead(id, name, "1415555" + String.format("%04d", Math.abs(id.hashCode() % 10000)), "greeting",
                "unknown", "neutral");
    }
}
