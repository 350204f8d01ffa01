package dev.funnel.backend.trace;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a turn's steps took together.
 *
 * @param costUsd  null unless every step has a cost: a partial sum would pass for the whole
 * @param costNote names the models without a price when {@code costUsd} is null; null otherwise
 */
public record TurnTotals(int promptTokens, int completionTokens, long latencyMs, BigDecimal costUsd,
                         String costNote) {

    static TurnTotals of(List<TraceRow> steps) {
        List<String> unpriced = steps.stream().filter(step -> step.costUsd() == null).map(TraceRow::model)
                .distinct().toList();
        return new TurnTotals(
                steps.stream().mapToInt(step -> Objects.requireNonNullElse(step.promptTokens(), 0)).sum(),
                steps.stream().mapToInt(step -> Objects.requireNonNullElse(step.completionTokens(), 0)).sum(),
                steps.stream().mapToLong(step -> Objects.requireNonNullElse(step.latencyMs(), 0L)).sum(),
                unpriced.isEmpty()
                        ? steps.stream().map(TraceRow::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add)
                        : null,
                unpriced.isEmpty() ? null : "No total: no price was configured for model(s) "
                        + unpriced.stream().map(model -> "'" + model + "'").collect(Collectors.joining(", "))
                        + " (see LLM_PRICES)");
    }
}
