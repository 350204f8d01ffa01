package dev.funnel.backend.trace;

import dev.funnel.backend.pipeline.StepTrace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code conversation_events} row of a turn: a pipeline step, or an outcome (a handoff, a wait,
 * a suppressed reply) whose detail is in {@code outputSummary}.
 *
 * @param id       null for a step that ran without being recorded
 * @param step     the step's id; null for an outcome
 * @param costUsd  null when no price was configured for the model when the step ran
 * @param costNote says why {@code costUsd} is null for a step; null otherwise
 * @param createdAt null for a step that ran without being recorded
 */
public record TraceRow(UUID id, String eventType, String step, String promptVersion, String inputSummary,
                       String outputSummary, Long latencyMs, Integer promptTokens, Integer completionTokens,
                       String model, BigDecimal costUsd, String costNote, Instant createdAt) {

    /** A step that ran without being recorded (a replay, a suggested reply): no id, no time. */
    static TraceRow unrecorded(StepTrace step, String model, ModelPrices prices) {
        BigDecimal cost = prices.cost(model, step.inputTokens(), step.outputTokens()).orElse(null);
        return new TraceRow(null, TraceRepository.PIPELINE_STEP, step.step().id(), step.promptVersion(),
                step.inputSummary(), step.outputSummary(), step.latencyMs(), step.inputTokens(), step.outputTokens(),
                model, cost, costNote(step.step().id(), model, cost), null);
    }

    static String costNote(String step, String model, BigDecimal costUsd) {
        if (step == null || costUsd != null) {
            return null;
        }
        return "No price was configured for model '" + model + "' when this step ran (see LLM_PRICES)";
    }
}
