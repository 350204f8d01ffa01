package dev.funnel.backend.pipeline;

import dev.funnel.backend.knowledge.KnowledgeHit;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.ScriptedLlmServer.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.funnel.backend.pipeline.PipelineStep.ANALYZE;
import static dev.funnel.backend.pipeline.PipelineStep.DECIDE;
import static dev.funnel.backend.pipeline.PipelineStep.GENERATE;
import static dev.funnel.backend.pipeline.PipelineStep.SUMMARIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PipelineTest {

    private final ScriptedLlmServer server = ScriptedLlmServer.start();
    private final Pipeline pipeline = new Pipeline(
            new LlmClient(new LlmSettings(server.baseUrl(), "test-key", "test-model")), PromptLibrary.defaults());

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void scriptHappyPath(String decision) {
        server.script(ANALYZE, SeedAnswers.ANALYSIS);
        server.script(DECIDE, decision);
        server.script(GENERATE, SeedAnswers.MESSAGE);
        server.script(SUMMARIZE, SeedAnswers.SUMMARY);
    }

    @Test
    void sendNowRunsAllFourStepsAndReturnsTheMessage() {
        scriptHappyPath(SeedAnswers.SEND_NOW);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.analysis()).isEqualTo(Analysis.fromJson(SeedAnswers.ANALYSIS));
        assertThat(result.decision().action()).isEqualTo(DecisionAction.SEND_NOW);
        assertThat(result.message()).contains(GeneratedMessage.fromJson(SeedAnswers.MESSAGE));
        assertThat(result.summary()).isEqualTo(Summary.fromJson(SeedAnswers.SUMMARY));
        assertThat(result.trace()).extracting(StepTrace::step).containsExactly(ANALYZE, DECIDE, GENERATE, SUMMARIZE);
        assertThat(result.trace()).allSatisfy(trace -> {
            assertThat(trace.inputTokens()).isPositive();
            assertThat(trace.outputTokens()).isPositive();
            assertThat(trace.latencyMs()).isNotNegative();
            assertThat(trace.inputSummary()).isNotBlank();
        });
        assertThat(result.trace().get(1).outputSummary()).isEqualTo(result.decision().toJson());
        assertThat(result.trace()).allSatisfy(trace -> assertThat(trace.promptVersion())
                .isEqualTo(PromptLibrary.defaults().forStep(trace.step()).version()));
    }

    @Test
    void waitScheduleSkipsGenerate() {
        scriptHappyPath(SeedAnswers.WAIT_SCHEDULE);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.message()).isEmpty();
        assertThat(result.decision().followupInMinutes()).isEqualTo(180);
        assertThat(result.trace()).extracting(StepTrace::step).containsExactly(ANALYZE, DECIDE, SUMMARIZE);
        assertThat(server.requests()).extracting(RecordedRequest::step).doesNotContain(GENERATE);
    }

    @Test
    void handoffHumanSkipsGenerate() {
        scriptHappyPath(SeedAnswers.HANDOFF_HUMAN);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.message()).isEmpty();
        assertThat(result.trace()).extracting(StepTrace::step).containsExactly(ANALYZE, DECIDE, SUMMARIZE);
    }

    @Test
    void anInvalidAnswerIsRepairedOnceShowingTheModelItsAnswerAndTheError() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.script(ANALYZE, "{\"stage_recommendation\": \"pricing\"}", SeedAnswers.ANALYSIS);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.analysis()).isEqualTo(Analysis.fromJson(SeedAnswers.ANALYSIS));
        assertThat(server.requests()).extracting(RecordedRequest::step)
                .containsExactly(ANALYZE, ANALYZE, DECIDE, GENERATE, SUMMARIZE);
        assertThat(server.requests().get(1).user())
                .contains("That answer could not be used", "situation_summary", "{\"stage_recommendation\": \"pricing\"}");
        assertThat(result.trace().getFirst().outputSummary()).startsWith("invalid answer, asked again");
    }

    @Test
    void aSecondInvalidAnswerFailsTheRunWithoutRetryAndNamesTheStep() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.script(ANALYZE, "{\"stage_recommendation\": \"pricing\"}", "not json at all");

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure.step()).contains(ANALYZE);
        assertThat(failure).hasMessageStartingWith("analyze step failed").hasMessageContaining("not json at all");
        assertThat(failure.traces()).extracting(StepTrace::outputSummary).satisfiesExactly(
                first -> assertThat(first).startsWith("invalid answer, asked again").contains("situation_summary"),
                second -> assertThat(second).startsWith("invalid answer again").contains("not json at all"));
        assertThat(failure.traces()).allSatisfy(trace -> assertThat(trace.inputTokens()).isPositive());
        assertThat(server.requests()).extracting(RecordedRequest::step).containsExactly(ANALYZE, ANALYZE);
    }

    @Test
    void aFailingStepCarriesTheTracesOfTheStepsBeforeIt() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.failNext(GENERATE, 503, "{\"error\":{\"message\":\"overloaded\"}}");

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY));

        assertThat(failure.step()).contains(GENERATE);
        assertThat(failure.traces()).extracting(StepTrace::step).containsExactly(ANALYZE, DECIDE);
    }

    @Test
    void aRateLimitIsRetriable() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.failNext(DECIDE, 429,
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}");

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY));

        assertThat(failure.retriable()).isTrue();
        assertThat(failure.step()).contains(DECIDE);
        assertThat(failure).hasMessageContaining("HTTP 429");
    }

    @Test
    void anUnavailableServerIsRetriable() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.failNext(ANALYZE, 503, "Service Unavailable");

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY));

        assertThat(failure.retriable()).isTrue();
        assertThat(failure).hasMessageContaining("HTTP 503");
    }

    @Test
    void aRejectedKeyIsNotRetriable() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.failNext(ANALYZE, 401, "{\"error\":{\"message\":\"Invalid API Key\",\"code\":\"invalid_api_key\"}}");

        PipelineException failure = catchThrowableOfType(PipelineException.class,
                () -> pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure).hasMessageContaining("HTTP 401").hasMessageContaining("LLM_API_KEY");
    }

    @Test
    void thePromptsSentCarryThePlaybookAndTheLastMessages() {
        scriptHappyPath(SeedAnswers.SEND_NOW);

        pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(server.requests()).extracting(RecordedRequest::step)
                .containsExactly(ANALYZE, DECIDE, GENERATE, SUMMARIZE);
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.model()).isEqualTo("test-model"));
        RecordedRequest decide = server.requests().get(1);
        RecordedRequest generate = server.requests().get(2);
        // decide works from the analysis, state, timing and caps; the other steps read the messages themselves
        assertThat(List.of(server.requests().get(0), generate, server.requests().get(3)))
                .allSatisfy(request -> assertThat(request.user()).contains(SeedAnswers.LEAD_QUESTION));
        assertThat(decide.user()).doesNotContain(SeedAnswers.LEAD_QUESTION).contains("\"situation_summary\"");
        assertThat(decide.system()).contains(SeedAnswers.PLAYBOOK, "Book a 20-minute demo call");
        assertThat(generate.system()).contains(SeedAnswers.PLAYBOOK, "Acme Corp", "At most 80 words");
    }

    @Test
    void laterStepsSeeTheOutputsOfEarlierOnes() {
        scriptHappyPath(SeedAnswers.SEND_NOW);

        pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        RecordedRequest decide = server.requests().get(1);
        RecordedRequest generate = server.requests().get(2);
        RecordedRequest summarize = server.requests().get(3);
        // each is shown the analysis fields it uses: the situation and risks above low to decide, the lead's needs
        // to reply; the reply is shown why and where to, not the action (a reply is only written to send now)
        assertThat(decide.user()).contains("\"situation_summary\":\"Lead asked about pricing for premium plan\"")
                .doesNotContain("missing_info", "risk_flags");
        assertThat(generate.user()).contains("\"missing_info\":[\"budget\",\"timeline\"]",
                "\"detected_objections\":[\"price_concern\"]", "\"why\":\"Direct pricing question with high intent\"")
                .doesNotContain("situation_summary", "risk_flags", "\"und\"", "\"action\"");
        // the summary gets the reply sent, not the analysis and decision again
        assertThat(summarize.user()).contains("Reply sent now: \"Great question! Our premium plan is ₹4,999/month")
                .doesNotContain("situation_summary");
    }

    @Test
    void whenTheAnalysisNeedsKnowledgeTheSnippetsFoundForTheLeadGoIntoTheGeneratePrompt() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        List<String> asked = new java.util.ArrayList<>();
        KnowledgeHit hit = new KnowledgeHit(java.util.UUID.randomUUID(), "prices.md", 2, null, 0.71,
                "Premium plan\n\nThe premium plan costs 49 euros a month.");
        Pipeline grounded = new Pipeline(new LlmClient(new LlmSettings(server.baseUrl(), "test-key", "test-model")),
                PromptLibrary.defaults(), question -> {
                    asked.add(question);
                    return List.of(hit);
                });

        PipelineResult result = grounded.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(asked).singleElement().satisfies(question -> assertThat(question)
                .contains(SeedAnswers.LEAD_QUESTION).endsWith("premium plan pricing"));
        assertThat(result.sources()).containsExactly(hit);
        RecordedRequest generate = server.requests().stream().filter(r -> r.step() == GENERATE).findFirst()
                .orElseThrow();
        assertThat(generate.user()).contains("Knowledge base (the only source for prices")
                .contains("[1] prices.md: Premium plan / The premium plan costs 49 euros a month.");
    }

    @Test
    void withoutANeedForKnowledgeTheKnowledgeBaseIsNotAsked() {
        scriptHappyPath(SeedAnswers.SEND_NOW);
        server.script(ANALYZE, SeedAnswers.ANALYSIS.replace("\"required\": true", "\"required\": false"));
        Pipeline grounded = new Pipeline(new LlmClient(new LlmSettings(server.baseUrl(), "test-key", "test-model")),
                PromptLibrary.defaults(), question -> {
                    throw new AssertionError("the knowledge base was asked: " + question);
                });

        PipelineResult result = grounded.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.sources()).isEmpty();
        assertThat(server.requests().stream().filter(r -> r.step() == GENERATE).findFirst().orElseThrow().user())
                .doesNotContain("Knowledge base");
    }
}
