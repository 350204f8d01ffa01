package dev.funnel.backend.trace;

import dev.funnel.backend.knowledge.KnowledgeSource;
import dev.funnel.backend.pipeline.Guardrails;
import java.util.List;

/**
 * A pipeline run that sent and stored nothing: a replayed turn or a suggested reply.
 *
 * @param action        what the bot would do (SEND_NOW, WAIT_SCHEDULE, HANDOFF_HUMAN...), after the guardrails
 * @param why           the decision's reason
 * @param reply         the message written; null when none was (no send_now, or the guardrails refused it)
 * @param steps         one row per model call, in order, with its cost at the configured price
 * @param interventions what the guardrails changed, in order
 * @param sources       the knowledge base snippets the generate step was given, best first; empty for none
 */
public record DryRun(String action, String why, String reply, List<TraceRow> steps,
                     List<Guardrails.Intervention> interventions, TurnTotals totals, List<KnowledgeSource> sources) {
}
