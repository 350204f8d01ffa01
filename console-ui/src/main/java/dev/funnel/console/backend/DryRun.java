package dev.funnel.console.backend;

import java.util.List;

/**
 * A pipeline run that sent and stored nothing: a suggested reply or a replayed turn.
 *
 * @param action  what the bot itself would do (SEND_NOW, WAIT_SCHEDULE, HANDOFF_HUMAN)
 * @param reply   the message written; null when none was
 * @param sources the knowledge-base snippets given to its generate step; empty when it used none
 */
public record DryRun(String action, String why, String reply, List<TraceStep> steps,
                     List<Intervention> interventions, TurnTotals totals, List<KnowledgeSource> sources) {

    /** What a guardrail changed. */
    public record Intervention(String rule, String detail) {
    }

    public DryRun {
        steps = steps == null ? List.of() : List.copyOf(steps);
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
