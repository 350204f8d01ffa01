package dev.funnel.backend.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.RiskLevel;
import dev.funnel.backend.testing.ScriptedLlmServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner as {@code ./funnel scenarios} starts it, against the scripted model instead of a real one. */
class ScenarioRunnerTest {

    private final ScriptedLlmServer llm = ScriptedLlmServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopServer() {
        llm.close();
    }

    private int run(String prices, String... scenarios) {
        return ScenariosMain.run(Map.of("LLM_BASE_URL", llm.baseUrl(), "LLM_MODEL", "scripted-model",
                        "LLM_PRICES", prices), scenarios, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theScorecardCountsAPassAndAFail() {
        ScriptedScenarios.pricingAnswers(llm); // a model that answers every lead with the price

        int exit = run("", "pricing", "asks_for_human");

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).containsPattern("pricing +SEND_NOW +SEND_NOW in en +PASS")
                .containsPattern("asks_for_human +HANDOFF_HUMAN +SEND_NOW in en +FAIL")
                .containsPattern("total +1/2")
                .contains("1 passed, 1 failed")
                .contains("no price");
    }

    @Test
    void everyScenarioPassedExitsZeroWithTokensAndTheCostAtTheConfiguredPrice() {
        ScriptedScenarios.pricingAnswers(llm);

        int exit = run("scripted-model=1000000/0", "pricing");

        assertThat(exit).isEqualTo(0);
        // at a dollar per prompt token and nothing for completions, the cost is the prompt token count
        assertThat(printed()).containsPattern("total +1/1 +(\\d+) +\\d+ +\\d+ +\\1\n")
                .contains("1 passed, 0 failed").doesNotContain("no price");
        assertThat(llm.requests()).extracting(ScriptedLlmServer.RecordedRequest::step)
                .containsExactly(PipelineStep.ANALYZE, PipelineStep.DECIDE, PipelineStep.GENERATE,
                        PipelineStep.SUMMARIZE);
    }

    @Test
    void aGuardrailAndAFailedRunAreShown() {
        ScriptedScenarios.pricingAnswers(llm);
        llm.script(PipelineStep.ANALYZE, Answers.analysis(ConversationStage.GREETING, 0.2, RiskLevel.LOW, "en", null), "not json", "not json");

        int exit = run("", "low_confidence", "pricing");

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).containsPattern("low_confidence +HANDOFF_HUMAN +HANDOFF_HUMAN +PASS +low_confidence")
                .containsPattern("pricing +SEND_NOW +failed: analyze s… +FAIL")
                .contains("pricing: failed: analyze step failed: analyze answer is invalid");
    }

    @Test
    void withoutAModelItSaysWhichVariablesToSet() {
        int exit = ScenariosMain.run(Map.of(), new String[0], new PrintStream(out), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY");
        assertThat(printed()).isEmpty();
    }
}
