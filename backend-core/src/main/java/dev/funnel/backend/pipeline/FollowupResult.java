package dev.funnel.backend.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * What the follow-up step produced.
 *
 * @param message       empty when the rewritten nudge still broke a rule: nothing may be sent
 * @param trace         one entry per model call, in order
 * @param interventions what the guardrails changed, in order
 */
public record FollowupResult(Optional<FollowupMessage> message, List<StepTrace> trace,
                             List<Guardrails.Intervention> interventions) {

    public FollowupResult {
        trace = List.copyOf(trace);
        interventions = List.copyOf(interventions);
    }
}
