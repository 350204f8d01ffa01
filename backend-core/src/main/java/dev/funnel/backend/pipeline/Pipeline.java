package dev.funnel.backend.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.funnel.backend.pipeline.PipelineStep.ANALYZE;
import static dev.funnel.backend.pipeline.PipelineStep.DECIDE;
import static dev.funnel.backend.pipeline.PipelineStep.GENERATE;
import static dev.funnel.backend.pipeline.PipelineStep.SUMMARIZE;

/**
 * The HTL pipeline: analyze what is going on, decide what to do, write a message only when the
 * decision is to send now, and always update the rolling summary. Each step is one LLM call whose
 * JSON answer is parsed into a record; a step's output becomes a prompt variable of the next ones.
 */
public final class Pipeline {

    private final LlmClient client;
    private final PromptLibrary prompts;

    public Pipeline(LlmClient client, PromptLibrary prompts) {
        this.client = client;
        this.prompts = prompts;
    }

    /**
     * @throws PipelineException naming the failed step and carrying the traces of the steps before it
     */
    public PipelineResult run(PipelineInput input) {
        Map<String, String> variables = PromptVariables.of(input);
        List<StepTrace> traces = new ArrayList<>();

        Analysis analysis = step(ANALYZE, variables, traces, Analysis::fromJson, analyzeInput(input));
        variables.put(PromptVariables.ANALYSIS.name(), analysis.toJson());

        Decision decision = step(DECIDE, variables, traces, Decision::fromJson, decideInput(input, analysis));
        variables.put(PromptVariables.DECISION.name(), decision.toJson());

        Optional<GeneratedMessage> message = Optional.empty();
        if (decision.action() == DecisionAction.SEND_NOW) {
            message = Optional.of(step(GENERATE, variables, traces, GeneratedMessage::fromJson,
                    generateInput(input, decision)));
        }
        variables.put(PromptVariables.BOT_REPLY.name(), message.map(GeneratedMessage::toJson)
                .orElse("(no reply now: the decision was " + decision.action().id() + ")"));

        Summary summary = step(SUMMARIZE, variables, traces, Summary::fromJson, summarizeInput(input, message));
        return new PipelineResult(analysis, decision, message, summary, traces);
    }

    private <T extends StepOutput> T step(PipelineStep step, Map<String, String> variables, List<StepTrace> traces,
                                          Function<String, T> parse, String inputSummary) {
        try {
            PromptTemplate template = prompts.forStep(step);
            LlmReply reply = client.complete(template.render(variables));
            T output = parse.apply(reply.text());
            traces.add(new StepTrace(step, template.version(), inputSummary, output.toJson(), reply.latencyMs(),
                    reply.inputTokens(), reply.outputTokens()));
            return output;
        } catch (PipelineException e) {
            throw e.inStep(step, traces);
        }
    }

    // The input summaries name the few inputs that explain each step's answer; the full prompt
    // would repeat the organisation's profile and playbook in every trace row.

    private static String analyzeInput(PipelineInput input) {
        String lastLeadMessage = input.lastMessages().reversed().stream()
                .filter(m -> m.from().equals("lead"))
                .findFirst()
                .map(m -> "\"" + StepJson.abbreviate(PromptVariables.oneLine(m.text())) + "\"")
                .orElse("(none)");
        return "stage=" + input.stage().id() + " intent=" + input.intentLevel().id()
                + " sentiment=" + input.sentiment().id() + " window_open=" + input.windowOpen()
                + " lead said: " + lastLeadMessage;
    }

    private static String decideInput(PipelineInput input, Analysis analysis) {
        Analysis.RiskFlags risks = analysis.riskFlags();
        return "stage_recommendation=" + analysis.stageRecommendation().id()
                + " confidence=" + String.format(Locale.ROOT, "%.2f", analysis.confidence())
                + " risks(spam/policy/hallucination)=" + risks.spam().id() + "/" + risks.policy().id() + "/"
                + risks.hallucination().id()
                + " window_open=" + input.windowOpen() + " followups_24h=" + input.followupCount24h()
                + " total_nudges=" + input.totalNudges();
    }

    private static String generateInput(PipelineInput input, Decision decision) {
        return "action=" + decision.action().id() + " next_stage=" + decision.nextStage().id()
                + " recommended_cta=" + Optional.ofNullable(decision.recommendedCta()).orElse("none")
                + " max_words=" + input.maxWords();
    }

    private static String summarizeInput(PipelineInput input, Optional<GeneratedMessage> message) {
        int words = input.rollingSummary().isBlank() ? 0 : input.rollingSummary().strip().split("\\s+").length;
        return "previous summary: " + words + " words; bot reply: " + (message.isPresent() ? "yes" : "none");
    }
}
