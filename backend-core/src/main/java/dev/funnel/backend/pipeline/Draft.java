package dev.funnel.backend.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A reply written for a person to edit ({@link Pipeline#draft}).
 *
 * @param decision      what the bot itself would have done, after the guardrails
 * @param message       empty when the rewritten message still broke the rules (see the interventions)
 * @param trace         one entry per model call, in order
 * @param interventions what the guardrails changed, in order
 */
public record Draft(Decision decision, Optional<GeneratedMessage> message, List<StepTrace> trace,
                    List<Guardrails.Intervention> interventions) {

    public Draft {
        trace = List.copyOf(trace);
        interventions = List.copyOf(interventions);
    }
}
