package dev.funnel.backend.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * What one run produced.
 *
 * @param message present only when the decision was {@link DecisionAction#SEND_NOW}
 * @param trace   one entry per step that ran, in order
 */
public record PipelineResult(Analysis analysis, Decision decision, Optional<GeneratedMessage> message,
                             Summary summary, List<StepTrace> trace) {

    public PipelineResult {
        trace = List.copyOf(trace);
    }
}
