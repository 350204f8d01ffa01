package dev.funnel.backend.trace;

import dev.funnel.backend.knowledge.KnowledgeSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One bot turn's trace: the pipeline steps in the order they ran, then what came of them.
 *
 * @param turnId      the inbound message the turn answered (the last one when it answered several)
 * @param leadMessage that message's text; null when it had none (media) or was deleted
 * @param recordedAt  when the turn's rows were written: the turn's end, after the model answered
 * @param outcomes    rows that are not steps: handoff, wait_decided, reply_suppressed...
 * @param sources     the knowledge base snippets the generate step was given, best first; empty for none
 */
public record Turn(UUID turnId, String leadMessage, Instant recordedAt, List<TraceRow> steps,
                   List<TraceRow> outcomes, TurnTotals totals, List<KnowledgeSource> sources) {

    /** The turn without its rows, for a list of turns. */
    public record Summary(UUID turnId, String leadMessage, Instant recordedAt, int steps, List<String> outcomes,
                          TurnTotals totals) {
    }

    Summary summary() {
        return new Summary(turnId, leadMessage, recordedAt, steps.size(),
                outcomes.stream().map(TraceRow::eventType).toList(), totals);
    }
}
