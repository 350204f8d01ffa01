package dev.funnel.console.backend;

import java.math.BigDecimal;

/** What a turn's steps took together; {@code costUsd} is null unless every step had a price. */
public record TurnTotals(int promptTokens, int completionTokens, long latencyMs, BigDecimal costUsd,
                         String costNote) {
}
