package dev.funnel.backend.scenarios;

import dev.funnel.backend.pipeline.Guardrails;
import dev.funnel.backend.pipeline.Pipeline;
import dev.funnel.backend.pipeline.PipelineException;
import dev.funnel.backend.pipeline.PipelineResult;
import dev.funnel.backend.pipeline.StepTrace;
import java.time.Clock;
import java.util.List;

/** Plays scenarios through the real pipeline, one run each, and reports what the model decided. */
public final class ScenarioRunner {

    /**
     * What one scenario's run came to.
     *
     * @param actual        the decision after the guardrails ({@code SEND_NOW in es}), or why the run failed
     * @param interventions the guardrails' rules that changed the model's answer, in order
     * @param steps         every model call of the run, including those before a failure
     */
    public record Outcome(Scenario scenario, String actual, boolean passed, List<String> interventions,
                          List<StepTrace> steps) {

        public int inputTokens() {
            return steps.stream().mapToInt(StepTrace::inputTokens).sum();
        }

        public int outputTokens() {
            return steps.stream().mapToInt(StepTrace::outputTokens).sum();
        }

        public long latencyMs() {
            return steps.stream().mapToLong(StepTrace::latencyMs).sum();
        }
    }

    private final Pipeline pipeline;
    private final Clock clock;

    public ScenarioRunner(Pipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * A run that fails (the model's answer could not be used twice, a timeout) fails the scenario: in
     * production a person would have to take the conversation over.
     */
    public Outcome run(Scenario scenario) {
        try {
            PipelineResult result = pipeline.run(scenario.input(clock.instant()), DemoBusiness.INSTANCE.policy());
            String actual = result.decision().action().id()
                    + result.message().map(m -> " in " + m.messageLanguage()).orElse("");
            return new Outcome(scenario, actual, scenario.isMetBy(result),
                    result.interventions().stream().map(Guardrails.Intervention::rule).toList(), result.trace());
        } catch (PipelineException e) {
            return new Outcome(scenario, "failed: " + e.getMessage(), false, List.of(), e.traces());
        }
    }
}
