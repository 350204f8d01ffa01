package dev.funnel.backend.pipeline;

/**
 * What one step did, for the conversation's event log and the console's trace view.
 *
 * @param promptVersion the prompt it ran with: {@code default-<hash>} or an organisation's {@code org-<revision>}
 * @param inputSummary  the few inputs that explain the step's answer, on one line
 * @param outputSummary the parsed answer as compact JSON (normalised, so it shows what the code used)
 */
public record StepTrace(PipelineStep step, String promptVersion, String inputSummary, String outputSummary,
                        long latencyMs, int inputTokens, int outputTokens) {
}
