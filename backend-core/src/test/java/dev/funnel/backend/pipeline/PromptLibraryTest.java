package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptLibraryTest {

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
        variables.put("analysis", Analysis.fromJson(SeedAnswers.ANALYSIS).toJson());
        variables.put("decision", Decision.fromJson(SeedAnswers.SEND_NOW).toJson());
        variables.put("bot_reply", GeneratedMessage.fromJson(SeedAnswers.MESSAGE).toJson());

        for (PipelineStep step : PipelineStep.values()) {
            RenderedPrompt prompt = library.forStep(step).render(variables);
            assertThat(prompt.system() + prompt.user()).doesNotContain("{{");
        }
    }

    @Test
    void decideAndGeneratePutThePlaybookAboveTheGeneralRules() {
        for (PipelineStep step : new PipelineStep[] {PipelineStep.DECIDE, PipelineStep.GENERATE}) {
            assertThat(library.forStep(step).variables()).contains("sales_playbook");
            assertThat(library.forStep(step).system()).contains("playbook outranks");
        }
    }

    @Test
    void generateStatesTheHardLimits() {
        String system = library.forStep(PipelineStep.GENERATE).system();

        assertThat(system).contains("At most {{max_words}} words", "at most one question",
                "Never claim or suggest that you are a human", "Never guarantee", "lead's language");
    }
}
