package dev.funnel.backend.scenarios;

import dev.funnel.backend.pipeline.LlmClient;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.trace.ModelPrices;
import dev.funnel.backend.worker.WorkerConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./funnel scenarios [id...]}: plays the scenarios (all, or the ones named) against the model
 * configured in {@code LLM_BASE_URL}, {@code LLM_MODEL} and {@code LLM_API_KEY}, with the default
 * prompts, and prints the scorecard. Exits 0 when every scenario passed, 1 when one failed, 2 when
 * no model is configured.
 */
public final class ScenariosMain {

    static final String NO_MODEL = """
            No language model is configured. Set LLM_BASE_URL (e.g. https://api.openai.com/v1) and LLM_MODEL \
            (e.g. gpt-4o-mini), and LLM_API_KEY unless the server needs none; LLM_PRICES \
            (e.g. gpt-4o-mini=0.15/0.60) adds costs.""";

    private ScenariosMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args, System.out, System.err));
    }

    static int run(Map<String, String> env, String[] scenarioIds, PrintStream out, PrintStream err) {
        LlmSettings llm = new LlmSettings(env.get("LLM_BASE_URL"), env.get("LLM_API_KEY"), env.get("LLM_MODEL"));
        if (!llm.isConfigured()) {
            err.println(NO_MODEL);
            return 2;
        }
        List<Scenario> scenarios = scenarioIds.length == 0 ? Scenarios.all()
                : Arrays.stream(scenarioIds).map(Scenarios::byId).toList();
        LlmClient client = new LlmClient(llm, WorkerConfig.fromEnvironment(env).llmTimeout());
        ScenarioRunner runner = new ScenarioRunner(new Pipeline(client, PromptLibrary.defaults()), Clock.systemUTC());
        Scorecard card = new Scorecard(llm.model(), scenarios.stream().map(runner::run).toList(),
                ModelPrices.parse(env.getOrDefault("LLM_PRICES", "")));
        out.print(card.render());
        return card.failed() == 0 ? 0 : 1;
    }
}
