package dev.funnel.backend.pipeline;

/**
 * What one step did, for the conversation's event log and the console's trace view.
 *
 * @param inputSummary  the few inputs that explain the step's answer, on one line
 * @param outputSummary the parsed answer as compact JSON (normalised, so it shows what the code used)
 */
public record StepTrace(PipelineStep step, String inputSummary, String outputSummary, long latencyMs,
                        int inputTokens, int outputTokens) {
}
