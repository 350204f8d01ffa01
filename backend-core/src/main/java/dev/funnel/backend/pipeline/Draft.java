package dev.funnel.backend.pipeline;

import dev.funnel.backend.knowledge.KnowledgeHit;
import java.util.List;
import java.util.Optional;

/**
 * A reply written for a person to edit ({@link Pipeline#draft}).
 *
 * @param decision      what the bot itself would have done, after the guardrails
 * @param message       empty when the rewritten message still broke the rules (see the interventions)
 * @param trace         one entry per model call, in order
 * @param interventions what the guardrails changed, in order
 * @param sources       the knowledge base snippets the message was written with, best first
 */
public record Draft(Decision decision, Optional<GeneratedMessage> message, List<StepTrace> trace,
                    List<Guardrails.Intervention> interventions, List<KnowledgeHit> sources) {

    public Draft {
        trace = List.copyOf(trace);
        interventions = List.copyOf(interventions);
        sources = List.copyOf(sources);
    }
}
