package dev.funnel.console.backend;

import java.math.BigDecimal;

/**
 * One row of a bot turn's trace: a pipeline step (step set) or an outcome such as a handoff or a
 * guardrail intervention (step null, its detail in {@code outputSummary}).
 *
 * @param costUsd  null when no price is configured for the model; {@code costNote} says so
 */
public record TraceStep(String eventType, String step, String promptVersion, String inputSummary,
                        String outputSummary, Long latencyMs, Integer promptTokens, Integer completionTokens,
                        String model, BigDecimal costUsd, String costNote) {
}
