package dev.funnel.backend.trace;

import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.knowledge.KnowledgeBase;
import dev.funnel.backend.knowledge.KnowledgeHit;
import dev.funnel.backend.knowledge.KnowledgeSource;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.pipeline.Decision;
import dev.funnel.backend.pipeline.GeneratedMessage;
import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.pipeline.LlmClients;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.settings.LlmSettingsService;
import io.helidon.http.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the pipeline for a person looking on, with the organisation's model and current prompts:
 * the answers become {@link DryRun}s, nothing is sent or stored. Meant to be called outside any
 * transaction, since the model may take seconds.
 */
public final class DryRuns {

    private final LlmSettingsService llm;
    private final LlmClients clients;
    private final ModelPrices prices;
    private final KnowledgeBase knowledge;

    public DryRuns(LlmSettingsService llm, LlmClients clients, ModelPrices prices, KnowledgeBase knowledge) {
        this.llm = llm;
        this.clients = clients;
        this.prices = prices;
        this.knowledge = knowledge;
    }

    /** What {@code call} answered and the model it used. */
    public record Ran<T>(T output, String model) {
    }

    /**
     * @throws ApiException 409 when the organisation has no model, 502 when the model failed
     */
    public <T> Ran<T> run(Organisation org, PromptLibrary prompts, Function<Pipeline, T> call) {
        LlmSettings settings = llm.resolve(org);
        if (!settings.isConfigured()) {
            throw ApiException.conflict("No language model is configured: set one in Settings (LLM model) first");
        }
        try {
            return new Ran<>(call.apply(new Pipeline(clients.forSettings(settings), prompts,
                    knowledge.lookup(org.id()))), settings.model());
        } catch (PipelineException e) {
            throw new ApiException(Status.BAD_GATEWAY_502, "The language model failed, so nothing was written ("
                    + e.getMessage() + "); try again, or check the model in Settings");
        }
    }

    public DryRun answer(String model, Decision decision, Optional<GeneratedMessage> message,
                         List<StepTrace> trace, List<Guardrails.Intervention> interventions,
                         List<KnowledgeHit> sources) {
        List<TraceRow> steps = trace.stream().map(step -> TraceRow.unrecorded(step, model, prices)).toList();
        return new DryRun(decision.action().id(), decision.why(), message.map(GeneratedMessage::messageText).orElse(null),
                steps, interventions, TurnTotals.of(steps), sources.stream().map(KnowledgeSource::of).toList());
    }
}
