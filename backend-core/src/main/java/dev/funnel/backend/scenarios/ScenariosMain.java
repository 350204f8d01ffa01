package dev.funnel.backend.scenarios;

import dev.funnel.backend.pipeline.LlmClient;
import dev.funnel.backend.pipeline.LlmSettings;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.trace.ModelPrices;
import dev.funnel.backend.worker.WorkerConfig;
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

    private ScenariosMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        LlmSettings llm = new LlmSettings(env.get("LLM_BASE_URL"), env.get("LLM_API_KEY"), env.get("LLM_MODEL"));
        if (!llm.isConfigured()) {
            System.err.println("""
                    No language model is configured. Set LLM_BASE_URL (e.g. https://api.openai.com/v1) and LLM_MODEL \
                    (e.g. gpt-4o-mini), and LLM_API_KEY unless the server needs none; LLM_PRICES \
                    (e.g. gpt-4o-mini=0.15/0.60) adds costs.""");
            System.exit(2);
        }
        List<Scenario> scenarios = args.length == 0 ? Scenarios.all()
                : Arrays.stream(args).map(Scenarios::byId).toList();
        LlmClient client = new LlmClient(llm, WorkerConfig.fromEnvironment(env).llmTimeout());
        ScenarioRunner runner = new ScenarioRunner(new Pipeline(client, PromptLibrary.defaults()), Clock.systemUTC());
        Scorecard card = new Scorecard(llm.model(), scenarios.stream().map(runner::run).toList(),
                ModelPrices.parse(env.getOrDefault("LLM_PRICES", "")));
        System.out.print(card.render());
        System.exit(card.failed() == 0 ? 0 : 1);
    }
}
