package dev.funnel.backend.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * What one run produced.
 *
 * @param message present only when the decision was {@link DecisionAction#SEND_NOW}
 * @param decision      what happens next, after the guardrails
 * @param trace         one entry per model call, in order
 * @param interventions what the guardrails changed, in order
 */
public record PipelineResult(Analysis analysis, Decision decision, Optional<GeneratedMessage> message,
                             Summary summary, List<StepTrace> trace, List<Guardrails.Intervention> interventions) {

    public PipelineResult {
        trace = List.copyOf(trace);
        interventions = List.copyOf(interventions);
    }
}
