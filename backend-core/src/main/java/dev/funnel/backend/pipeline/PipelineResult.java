package dev.funnel.backend.pipeline;

import dev.funnel.backend.knowledge.KnowledgeHit;
import java.util.List;
import java.util.Optional;

/**
 * What one run produced.
 *
 * @param message present only when the decision was {@link DecisionAction#SEND_NOW}
 * @param decision      what happens next, after the guardrails
 * @param trace         one entry per model call, in order
 * @param interventions what the guardrails changed, in order
 * @param sources       the knowledge base snippets the message was written with, best first
 */
public record PipelineResult(Analysis analysis, Decision decision, Optional<GeneratedMessage> message,
                             Summary summary, List<StepTrace> trace, List<Guardrails.Intervention> interventions,
                             List<KnowledgeHit> sources) {

    public PipelineResult {
        trace = List.copyOf(trace);
        interventions = List.copyOf(interventions);
        sources = List.copyOf(sources);
    }
}
