package dev.funnel.backend.pipeline;

import dev.funnel.backend.knowledge.KnowledgeHit;
import dev.funnel.backend.knowledge.KnowledgeLookup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.funnel.backend.pipeline.PipelineStep.ANALYZE;
import static dev.funnel.backend.pipeline.PipelineStep.DECIDE;
import static dev.funnel.backend.pipeline.PipelineStep.FOLLOWUP;
import static dev.funnel.backend.pipeline.PipelineStep.GENERATE;
import static dev.funnel.backend.pipeline.PipelineStep.SUMMARIZE;

/**
 * The HTL pipeline: analyze what is going on, decide what to do, write a message only when the
 * decision is to send now, and always update the rolling summary. Each step is one LLM call whose
 * JSON answer is parsed into a record; a step's output becomes a prompt variable of the next ones.
 * A follow-up is one step of its own ({@link #followup}), written under the same rules as a reply.
 */
public final class Pipeline {

    private final LlmClient client;
    private final PromptLibrary prompts;
    private final KnowledgeLookup knowledge;

    /** A pipeline without a knowledge base: replies rest on the organisation's profile and the chat alone. */
    public Pipeline(LlmClient client, PromptLibrary prompts) {
        this(client, prompts, KnowledgeLookup.NONE);
    }

    /** @param knowledge the organisation's knowledge base, asked when the analysis says an answer needs it */
    public Pipeline(LlmClient client, PromptLibrary prompts, KnowledgeLookup knowledge) {
        this.client = client;
        this.prompts = prompts;
        this.knowledge = knowledge;
    }

    /**
     * Runs the steps, holding the model to the organisation's {@code policy}: a decision that breaks
     * a rule is changed, a message that breaks one is written again once and otherwise not sent (a
     * person takes over). What the rules changed is in the result's interventions.
     *
     * @throws PipelineException naming the failed step and carrying the traces of the steps before it
     */
    public PipelineResult run(PipelineInput input, Guardrails.Policy policy) {
        Map<String, String> variables = PromptVariables.of(input);
        List<StepTrace> traces = new ArrayList<>();
        List<Guardrails.Intervention> interventions = new ArrayList<>();

        Analysis analysis = analyze(input, variables, traces);
        Decision decision = decide(input, analysis, policy, variables, traces, interventions);
        PromptVariables.putDecision(variables, decision);

        Optional<GeneratedMessage> message = Optional.empty();
        List<KnowledgeHit> sources = List.of();
        if (decision.action() == DecisionAction.SEND_NOW) {
            sources = ground(input, analysis, variables);
            message = write(GENERATE, GeneratedMessage::fromJson, generateInput(input, decision),
                    language(analysis, input), input, policy, variables, traces, interventions);
            if (message.isEmpty()) {
                Guardrails.Intervention refused = interventions.getLast();
                decision = new Decision(DecisionAction.HANDOFF_HUMAN, "Guardrail " + refused.rule() + ": "
                        + refused.detail(), decision.nextStage(), null, 0, decision.templateRequired());
            }
        }
        variables.put(PromptVariables.BOT_REPLY.name(), message.isPresent()
                ? PromptVariables.botReply(message.get()) : PromptVariables.noReply(decision));

        Summary summary = step(SUMMARIZE, variables, traces, Summary::fromJson, summarizeInput(input, message), null);
        return new PipelineResult(analysis, decision, message, summary, traces, interventions, sources);
    }

    /**
     * A reply for a person to edit: analyze and decide as a turn would, then write the message as if
     * the decision were to reply now (a person asked for one, whatever the bot would have done), held
     * to the guardrails' message checks. Nothing is summarised: the person's sent message is the turn.
     *
     * @throws PipelineException naming the failed step and carrying the traces of the steps before it
     */
    public Draft draft(PipelineInput input, Guardrails.Policy policy) {
        Map<String, String> variables = PromptVariables.of(input);
        List<StepTrace> traces = new ArrayList<>();
        List<Guardrails.Intervention> interventions = new ArrayList<>();
        Analysis analysis = analyze(input, variables, traces);
        Decision decision = decide(input, analysis, policy, variables, traces, interventions);
        Decision replyNow = new Decision(DecisionAction.SEND_NOW, decision.why(), decision.nextStage(),
                decision.recommendedCta(), 0, decision.templateRequired());
        PromptVariables.putDecision(variables, replyNow);
        List<KnowledgeHit> sources = ground(input, analysis, variables);
        Optional<GeneratedMessage> message = write(GENERATE, GeneratedMessage::fromJson,
                generateInput(input, replyNow), language(analysis, input), input, policy, variables, traces,
                interventions);
        return new Draft(decision, message, traces, interventions, sources);
    }

    /**
     * The generate prompt's knowledge: when the analysis says the answer needs the knowledge base, the
     * snippets found for what the lead wrote since the bot last spoke (and the analysis's query); else none.
     */
    private List<KnowledgeHit> ground(PipelineInput input, Analysis analysis, Map<String, String> variables) {
        variables.put(PromptVariables.KNOWLEDGE.name(), "");
        if (!analysis.needKb().required()) {
            return List.of();
        }
        List<String> asked = new ArrayList<>();
        for (TurnMessage m : input.lastMessages().reversed()) {
            if (!m.from().equals("lead")) {
                break;
            }
            asked.addFirst(m.text());
        }
        asked.add(analysis.needKb().query());
        String question = String.join("\n", asked.stream().filter(text -> !text.isBlank()).toList());
        List<KnowledgeHit> hits = question.isBlank() ? List.of() : knowledge.find(question);
        variables.put(PromptVariables.KNOWLEDGE.name(), PromptVariables.knowledge(hits));
        return hits;
    }

    private Analysis analyze(PipelineInput input, Map<String, String> variables, List<StepTrace> traces) {
        Analysis analysis = step(ANALYZE, variables, traces, Analysis::fromJson, analyzeInput(input), null);
        PromptVariables.putAnalysis(variables, analysis);
        return analysis;
    }

    /** The model's decision as the guardrails let it stand. */
    private Decision decide(PipelineInput input, Analysis analysis, Guardrails.Policy policy,
                            Map<String, String> variables, List<StepTrace> traces,
                            List<Guardrails.Intervention> interventions) {
        Decision decided = step(DECIDE, variables, traces, Decision::fromJson, decideInput(input, analysis), null);
        return Guardrails.review(input, analysis, decided, policy, interventions);
    }

    /** The language the lead writes in: the analysis's, else the one stored for the conversation. */
    private static String language(Analysis analysis, PipelineInput input) {
        return Fields.undetermined(analysis.leadLanguage()) ? input.leadLanguage() : analysis.leadLanguage();
    }

    /**
     * Writes the nudge for a lead who went quiet, held to the same rules as a reply: written again
     * once if it broke one, else empty (nothing is sent). Whether a nudge may go out at all (mode,
     * caps, quiet hours, the 24-hour window) the caller has checked before.
     *
     * @throws PipelineException naming the step and carrying the traces of its calls
     */
    public FollowupResult followup(PipelineInput input, Guardrails.Policy policy) {
        List<StepTrace> traces = new ArrayList<>();
        List<Guardrails.Intervention> interventions = new ArrayList<>();
        Optional<FollowupMessage> message = write(FOLLOWUP, FollowupMessage::fromJson, followupInput(input),
                input.leadLanguage(), input, policy, PromptVariables.of(input), traces, interventions);
        return new FollowupResult(message, traces, interventions);
    }

    /**
     * A message of {@code step}, written a second time if the first broke a rule; empty if the second
     * did too. {@code leadLanguage} is the language the lead writes in, "und" when nobody has named it.
     */
    private <T extends StepOutput & WrittenMessage> Optional<T> write(
            PipelineStep step, Function<String, T> parse, String inputSummary, String leadLanguage,
            PipelineInput input, Guardrails.Policy policy, Map<String, String> variables, List<StepTrace> traces,
            List<Guardrails.Intervention> interventions) {
        String leadLastText = input.lastMessages().reversed().stream()
                .filter(m -> m.from().equals("lead")).findFirst().map(TurnMessage::text).orElse(null);
        T first = step(step, variables, traces, parse, inputSummary, null);
        List<String> problems = Guardrails.violations(first.messageText(), first.messageLanguage(), leadLanguage,
                leadLastText, policy.maxWords());
        if (problems.isEmpty()) {
            return Optional.of(first);
        }
        interventions.add(new Guardrails.Intervention("message_rewritten", String.join("; ", problems)));
        Retry retry = new Retry(first.toJson(), "This message cannot be sent: " + String.join("; ", problems)
                + ". Write it again, keeping every rule, and answer with only the JSON object described above.");
        T second = step(step, variables, traces, parse, inputSummary, retry);
        problems = Guardrails.violations(second.messageText(), second.messageLanguage(), leadLanguage, leadLastText,
                policy.maxWords());
        if (problems.isEmpty()) {
            return Optional.of(second);
        }
        interventions.add(new Guardrails.Intervention("message_refused",
                "the rewritten message still broke the rules: " + String.join("; ", problems)));
        return Optional.empty();
    }

    /** An earlier answer of the same step and why it was refused. */
    private record Retry(String answer, String why) {
    }

    /**
     * One LLM call parsed into the step's record. An answer that cannot be parsed gets one repair
     * attempt, the model being shown its answer and the error; a second bad answer fails the step.
     */
    private <T extends StepOutput> T step(PipelineStep step, Map<String, String> variables, List<StepTrace> traces,
                                          Function<String, T> parse, String inputSummary, Retry retry) {
        try {
            PromptTemplate template = prompts.forStep(step);
            RenderedPrompt prompt = template.render(variables);
            if (retry != null) {
                prompt = prompt.retry(retry.answer(), retry.why());
            }
            LlmReply reply = client.complete(prompt);
            T output;
            try {
                output = parse.apply(reply.text());
            } catch (PipelineException invalid) {
                traces.add(new StepTrace(step, template.version(), inputSummary,
                        "invalid answer, asked again: " + invalid.getMessage(), reply.latencyMs(), reply.inputTokens(),
                        reply.outputTokens()));
                reply = client.complete(prompt.retry(reply.text(), "That answer could not be used: "
                        + invalid.getMessage() + ". Answer again with only the JSON object described above."));
                try {
                    output = parse.apply(reply.text());
                } catch (PipelineException again) {
                    // the failed attempt's tokens were spent too: the trace keeps them
                    traces.add(new StepTrace(step, template.version(), inputSummary,
                            "invalid answer again: " + again.getMessage(), reply.latencyMs(), reply.inputTokens(),
                            reply.outputTokens()));
                    throw again;
                }
            }
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

    private static String followupInput(PipelineInput input) {
        return "hours_since_lead_wrote=" + input.sinceLastUserMessage().map(Duration::toHours).map(String::valueOf)
                .orElse("never") + " followups_24h=" + input.followupCount24h() + " total_nudges="
                + input.totalNudges() + " max_words=" + input.maxWords();
    }

    private static String summarizeInput(PipelineInput input, Optional<GeneratedMessage> message) {
        int words = input.rollingSummary().isBlank() ? 0 : input.rollingSummary().strip().split("\\s+").length;
        return "previous summary: " + words + " words; bot reply: " + (message.isPresent() ? "yes" : "none");
    }
}
