package dev.funnel.backend.trace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code conversation_events} row of a turn: a pipeline step, or an outcome (a handoff, a wait,
 * a suppressed reply) whose detail is in {@code outputSummary}.
 *
 * @param step     the step's id; null for an outcome
 * @param costUsd  null when no price was configured for the model when the step ran
 * @param costNote says why {@code costUsd} is null for a step; null otherwise
 */
public record TraceRow(UUID id, String eventType, String step, String promptVersion, String inputSummary,
                       String outputSummary, Long latencyMs, Integer promptTokens, Integer completionTokens,
                       String model, BigDecimal costUsd, String costNote, Instant createdAt) {

    static String costNote(String step, String model, BigDecimal costUsd) {
        if (step == null || costUsd != null) {
            return null;
        }
        return "No price was configured for model '" + model + "' when this step ran (see LLM_PRICES)";
    }
}
