package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLibraryTest {

    private static final String DECIDE_TEXT = """
            ## system
            Funnel pipeline step: decide
            Playbook: {{sales_playbook}}
            ## user
            {{analysis}}
            """;

    private final PromptLibrary library = PromptLibrary.defaults();

    @Test
    void everyDefaultPromptStartsByNamingItsStep() {
        for (PipelineStep step : PipelineStep.values()) {
            assertThat(library.forStep(step).system().lines().findFirst())
                    .contains("Funnel pipeline step: " + step.id());
        }
    }

    @Test
    void everyDefaultPromptRendersFromWhatTheOrchestratorProvides() {
        Map<String, String> variables = PromptVariables.of(SeedAnswers.input());
        PromptVariables.putAnalysis(variables, Analysis.fromJson(SeedAnswers.ANALYSIS));
        PromptVariables.putDecision(variables, Decision.fromJson(SeedAnswers.SEND_NOW));
        variables.put("bot_reply", PromptVariables.botReply(GeneratedMessage.fromJson(SeedAnswers.MESSAGE)));
        variables.put("knowledge", PromptVariables.knowledge(List.of()));

        for (PipelineStep step : PipelineStep.values()) {
            RenderedPrompt prompt = library.forStep(step).render(variables);
            assertThat(prompt.system() + prompt.user()).doesNotContain("{{");
        }
    }

    @Test
    void whatAFreshOrganisationHasNotSetLeavesNoEmptyHeadingInTheDefaultPrompts() {
        PipelineInput fresh = new PipelineInput("Acme Corp", "", "", "", List.of(), "",
                List.of(new TurnMessage("lead", SeedAnswers.LEAD_QUESTION, Instant.parse("2026-01-22T13:29:30Z"))),
                ConversationStage.GREETING, IntentLevel.UNKNOWN, Sentiment.NEUTRAL, Instant.parse("2026-01-22T13:30:00Z"),
                null, 0, 0, 80, ZoneOffset.UTC, null, null, null, 3, 6, null, null);
        Map<String, String> variables = PromptVariables.of(fresh);
        PromptVariables.putAnalysis(variables, Analysis.fromJson(SeedAnswers.ANALYSIS));
        PromptVariables.putDecision(variables, Decision.fromJson(SeedAnswers.SEND_NOW));
        variables.put("bot_reply", PromptVariables.botReply(GeneratedMessage.fromJson(SeedAnswers.MESSAGE)));
        variables.put("knowledge", PromptVariables.knowledge(List.of()));

        for (PipelineStep step : PipelineStep.values()) {
            RenderedPrompt prompt = library.forStep(step).render(variables);
            assertThat(prompt.system() + "\n" + prompt.user())
                    .doesNotContain("Business:", "About the business", "laybook", "CTAs:", "Calls to action", "Summary",
                            "Memory:", "Quiet hours", "(none")
                    .contains("Acme Corp");
        }
    }

    @Test
    void theInputFillsExactlyTheVariablesTheFirstStepIsAllowed() {
        assertThat(PromptVariables.of(SeedAnswers.input()).keySet())
                .containsExactlyInAnyOrderElementsOf(PromptVariables.allowedFor(PipelineStep.ANALYZE).stream()
                        .map(PromptVariables.Variable::name).toList());
    }

    @Test
    void decideGenerateAndFollowupPutThePlaybookAboveTheGeneralRules() {
        for (PipelineStep step : new PipelineStep[] {PipelineStep.DECIDE, PipelineStep.GENERATE, PipelineStep.FOLLOWUP}) {
            assertThat(library.forStep(step).variables()).contains("sales_playbook");
            assertThat(library.forStep(step).system()).contains("playbook outranks");
        }
    }

    @Test
    void generateAndFollowupStateTheHardLimits() {
        for (PipelineStep step : new PipelineStep[] {PipelineStep.GENERATE, PipelineStep.FOLLOWUP}) {
            assertThat(library.forStep(step).system()).contains("At most {{max_words}} words", "at most one question",
                    "Never claim or suggest you are human", "Never guarantee", "lead's language");
        }
    }

    @Test
    void defaultVersionsAreShortHashesOfTheirText() {
        assertThat(library.forStep(PipelineStep.ANALYZE).version()).matches("default-[0-9a-f]{12}");
        assertThat(library.forStep(PipelineStep.ANALYZE).version())
                .isEqualTo(PromptLibrary.defaults().forStep(PipelineStep.ANALYZE).version())
                .isNotEqualTo(library.forStep(PipelineStep.DECIDE).version());
    }

    @Test
    void anOverrideReplacesOnlyItsStep() {
        PromptLibrary own = library.withOverrides(Map.of(PipelineStep.DECIDE,
                PromptLibrary.check(PipelineStep.DECIDE, DECIDE_TEXT, "org-1")));

        assertThat(own.forStep(PipelineStep.DECIDE).version()).isEqualTo("org-1");
        assertThat(own.forStep(PipelineStep.ANALYZE)).isSameAs(library.forStep(PipelineStep.ANALYZE));
        assertThat(library.forStep(PipelineStep.DECIDE).version()).startsWith("default-");
    }

    @Test
    void aPromptNamingAVariableItsStepDoesNotGetIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> PromptLibrary.check(PipelineStep.ANALYZE,
                DECIDE_TEXT.replace("{{sales_playbook}}", "{{budget}} {{sales_playbook}}"), "org-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown variable(s) {{budget}}, {{analysis}}")
                .hasMessageContaining("Allowed variables: {{business_name}}, {{business_profile}}")
                .hasMessageNotContaining("{{decision}}");
    }

    @Test
    void aPromptWithMalformedBracesIsRefused() {
        assertThatThrownBy(() -> PromptLibrary.check(PipelineStep.DECIDE,
                DECIDE_TEXT.replace("{{sales_playbook}}", "{{Sales Playbook}}"), "org-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed placeholder(s) {{Sales Playbook}}")
                .hasMessageContaining("Allowed variables:");
    }
}
