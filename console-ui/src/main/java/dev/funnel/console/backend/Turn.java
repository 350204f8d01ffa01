package dev.funnel.console.backend;

import java.time.Instant;
import java.util.List;

/**
 * A bot turn as recorded: its steps in order, then its outcomes (handoffs, guardrails, follow-ups...).
 *
 * @param sources the knowledge-base snippets given to its generate step; empty when it used none
 */
public record Turn(String turnId, String leadMessage, Instant recordedAt, List<TraceStep> steps,
                   List<TraceStep> outcomes, TurnTotals totals, List<KnowledgeSource> sources) {

    public Turn {
        steps = steps == null ? List.of() : List.copyOf(steps);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
