package dev.funnel.console.backend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The analytics of a range of the organisation's days. The backend lists every day of the range and
 * every stage, intent and sentiment, zeros included.
 */
public record AnalyticsReport(
        LocalDate from,
        LocalDate to,
        String timeZone,
        List<StageCount> funnel,
        List<IntentCount> intent,
        List<SentimentCount> sentiment,
        Handoffs handoffs,
        ResponseTimes responseTimes,
        List<DayMessages> messagesPerDay,
        List<DayUsage> usagePerDay) {

    /** Leads created in the range that now stand at {@code stage}. */
    public record StageCount(String stage, int leads) {
    }

    public record IntentCount(String intentLevel, int leads) {
    }

    public record SentimentCount(String sentiment, int leads) {
    }

    /** Handoffs the bot made, by reason (most frequent first), and conversations people took over. */
    public record Handoffs(int total, List<ReasonCount> byReason, int takeovers) {
    }

    public record ReasonCount(String reason, int count) {
    }

    public record ResponseTimes(Latency botReply, Latency humanFirstResponse) {
    }

    /** Percentiles in milliseconds; null when there was nothing to measure. */
    public record Latency(int count, Long p50Ms, Long p90Ms) {
    }

    public record DayMessages(LocalDate date, int inbound, int outbound) {
    }

    /** Model calls of the day; the cost counts only models with a configured price. */
    public record DayUsage(LocalDate date, int calls, long inputTokens, long outputTokens, BigDecimal costUsd) {
    }
}
