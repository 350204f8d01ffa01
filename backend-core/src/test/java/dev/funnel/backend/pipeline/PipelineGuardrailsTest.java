package dev.funnel.backend.pipeline;

import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.ScriptedLlmServer.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.funnel.backend.pipeline.PipelineStep.ANALYZE;
import static dev.funnel.backend.pipeline.PipelineStep.DECIDE;
import static dev.funnel.backend.pipeline.PipelineStep.GENERATE;
import static dev.funnel.backend.pipeline.PipelineStep.SUMMARIZE;
import static org.assertj.core.api.Assertions.assertThat;

/** In each test the scripted model tries to break one rule; the pipeline must not let it. */
class PipelineGuardrailsTest {

    private final ScriptedLlmServer server = ScriptedLlmServer.start();
    private final Pipeline pipeline = new Pipeline(
            new LlmClient(new LlmSettings(server.baseUrl(), "test-key", "test-model")), PromptLibrary.defaults());

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void script(String analysis, String decision, String... messages) {
        server.script(ANALYZE, analysis);
        server.script(DECIDE, decision);
        if (messages.length > 0) {
            server.script(GENERATE, messages);
        }
        server.script(SUMMARIZE, SeedAnswers.SUMMARY);
    }

    private static String message(String text) {
        return SeedAnswers.MESSAGE.replace(
                "Great question! Our premium plan is ₹4,999/month and includes unlimited users. What's your current team size?",
                text);
    }

    private List<PipelineStep> steps() {
        return server.requests().stream().map(RecordedRequest::step).toList();
    }

    @Test
    void lowConfidenceHandsOffWhateverTheModelDecided() {
        script(SeedAnswers.ANALYSIS.replace("0.85", "0.3"), SeedAnswers.SEND_NOW, SeedAnswers.MESSAGE);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.decision().action()).isEqualTo(DecisionAction.HANDOFF_HUMAN);
        assertThat(result.message()).isEmpty();
        assertThat(result.interventions()).extracting(Guardrails.Intervention::rule).containsExactly("low_confidence");
        assertThat(steps()).doesNotContain(GENERATE);
    }

    @Test
    void highPolicyRiskHandsOff() {
        script(SeedAnswers.ANALYSIS.replace("\"policy_risk\": \"low\"", "\"policy_risk\": \"high\""),
                SeedAnswers.SEND_NOW, SeedAnswers.MESSAGE);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.decision().action()).isEqualTo(DecisionAction.HANDOFF_HUMAN);
        assertThat(result.interventions()).extracting(Guardrails.Intervention::rule).containsExactly("policy_risk");
    }

    @Test
    void noFreeTextOutsideTheWindow() {
        script(SeedAnswers.ANALYSIS, SeedAnswers.SEND_NOW, SeedAnswers.MESSAGE);
        Instant now = SeedAnswers.input().now();
        PipelineInput lateInput = SeedAnswers.input(now, now.minus(Duration.ofHours(25)));

        PipelineResult result = pipeline.run(lateInput, SeedAnswers.POLICY);

        assertThat(result.decision().action()).isEqualTo(DecisionAction.WAIT_SCHEDULE);
        assertThat(result.decision().templateRequired()).isTrue();
        assertThat(result.message()).isEmpty();
        assertThat(result.interventions()).extracting(Guardrails.Intervention::rule).containsExactly("window_closed");
        assertThat(steps()).doesNotContain(GENERATE);
    }

    @Test
    void aTooLongMessageIsWrittenAgainOnceTellingTheModelWhy() {
        String tooLong = "Great question! " + "Our plan has many features. ".repeat(20) + "Shall we talk?";
        script(SeedAnswers.ANALYSIS, SeedAnswers.SEND_NOW, message(tooLong), SeedAnswers.MESSAGE);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.decision().action()).isEqualTo(DecisionAction.SEND_NOW);
        assertThat(result.message()).contains(GeneratedMessage.fromJson(SeedAnswers.MESSAGE));
        assertThat(result.interventions()).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("message_rewritten");
            assertThat(i.detail()).contains("words; the limit is 80");
        });
        assertThat(steps()).containsExactly(ANALYZE, DECIDE, GENERATE, GENERATE, SUMMARIZE);
        assertThat(server.requests().get(3).user()).contains("This message cannot be sent", "the limit is 80");
    }

    @Test
    void aMessageThatBreaksTheRulesTwiceIsNeverSentAndAPersonTakesOver() {
        script(SeedAnswers.ANALYSIS, SeedAnswers.SEND_NOW,
                message("I am a real person, not a bot! Want a demo? Or a call?"));

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.decision().action()).isEqualTo(DecisionAction.HANDOFF_HUMAN);
        assertThat(result.decision().why()).contains("message_refused", "human", "questions");
        assertThat(result.message()).isEmpty();
        assertThat(result.interventions()).extracting(Guardrails.Intervention::rule)
                .containsExactly("message_rewritten", "message_refused");
        assertThat(server.requests().get(4).user()).contains("Reply sent now: (none: decision HANDOFF_HUMAN, next stage pricing)");
    }

    @Test
    void guaranteesAreWrittenAgain() {
        script(SeedAnswers.ANALYSIS, SeedAnswers.SEND_NOW,
                message("We guarantee you will double your revenue in a month."), SeedAnswers.MESSAGE);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.message()).contains(GeneratedMessage.fromJson(SeedAnswers.MESSAGE));
        assertThat(result.interventions()).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("guarantee"));
    }

    @Test
    void aReplyInAnotherLanguageThanTheLeadsIsWrittenAgain() {
        String spanishLead = SeedAnswers.ANALYSIS.replace("\"confidence\": 0.85", "\"lead_language\": \"es\", \"confidence\": 0.85");
        String spanish = SeedAnswers.MESSAGE
                .replace("Great question! Our premium plan is ₹4,999/month and includes unlimited users. What's your current team size?",
                        "El plan premium cuesta ₹4,999 al mes. ¿Cuántas personas lo usarían?")
                .replace("\"message_language\": \"en\"", "\"message_language\": \"es\"");
        script(spanishLead, SeedAnswers.SEND_NOW, SeedAnswers.MESSAGE, spanish);

        PipelineResult result = pipeline.run(SeedAnswers.input(), SeedAnswers.POLICY);

        assertThat(result.message()).hasValueSatisfying(m -> assertThat(m.messageLanguage()).isEqualTo("es"));
        assertThat(result.interventions()).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("'en'", "'es'"));
    }
}
