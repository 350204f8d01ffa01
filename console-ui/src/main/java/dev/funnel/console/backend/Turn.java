package dev.funnel.console.backend;

import java.time.Instant;
import java.util.List;

/** A bot turn as recorded: its steps in order, then its outcomes (handoffs, guardrails, follow-ups...). */
public record Turn(String turnId, String leadMessage, Instant recordedAt, List<TraceStep> steps,
                   List<TraceStep> outcomes, TurnTotals totals) {

    public Turn {
        steps = steps == null ? List.of() : List.copyOf(steps);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
