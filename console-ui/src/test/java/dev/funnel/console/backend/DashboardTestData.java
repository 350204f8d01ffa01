package dev.funnel.console.backend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A known dashboard, analytics report and prompts, as the backend would answer them. */
public final class DashboardTestData {

    public static final LocalDate TODAY = LocalDate.parse("2026-11-03");

    private DashboardTestData() {
    }

    public static DashboardStats stats() {
        return new DashboardStats(TODAY, "Europe/Paris", 120, 7, 95, 80, 15, 4, 63, 58, 41, 3, 12);
    }

    /** Three days, 1 to 3 November, with leads, handoffs, messages and model usage. */
    public static AnalyticsReport report() {
        LocalDate first = TODAY.minusDays(2);
        return new AnalyticsReport(first, TODAY, "Europe/Paris",
                List.of(new AnalyticsReport.StageCount("greeting", 10), new AnalyticsReport.StageCount("qualification", 6),
                        new AnalyticsReport.StageCount("pricing", 4), new AnalyticsReport.StageCount("cta", 2),
                        new AnalyticsReport.StageCount("closed", 1), new AnalyticsReport.StageCount("lost", 2),
                        new AnalyticsReport.StageCount("ghosted", 0)),
                List.of(new AnalyticsReport.IntentCount("unknown", 5), new AnalyticsReport.IntentCount("low", 8),
                        new AnalyticsReport.IntentCount("medium", 6), new AnalyticsReport.IntentCount("high", 4),
                        new AnalyticsReport.IntentCount("very_high", 2)),
                List.of(new AnalyticsReport.SentimentCount("positive", 9), new AnalyticsReport.SentimentCount("neutral", 12),
                        new AnalyticsReport.SentimentCount("hesitant", 3), new AnalyticsReport.SentimentCount("annoyed", 1),
                        new AnalyticsReport.SentimentCount("curious", 0)),
                new AnalyticsReport.Handoffs(5, List.of(new AnalyticsReport.ReasonCount("Asked for a person", 3),
                        new AnalyticsReport.ReasonCount("The bot could not answer", 2)), 2),
                new AnalyticsReport.ResponseTimes(new AnalyticsReport.Latency(40, 3_200L, 8_900L),
                        new AnalyticsReport.Latency(6, 240_000L, 1_500_000L)),
                List.of(new AnalyticsReport.DayMessages(first, 20, 18),
                        new AnalyticsReport.DayMessages(first.plusDays(1), 25, 24),
                        new AnalyticsReport.DayMessages(TODAY, 18, 16)),
                List.of(new AnalyticsReport.DayUsage(first, 36, 52_000, 7_000, new BigDecimal("0.0120")),
                        new AnalyticsReport.DayUsage(first.plusDays(1), 48, 70_000, 9_500, new BigDecimal("0.0165")),
                        new AnalyticsReport.DayUsage(TODAY, 30, 41_000, 6_000, new BigDecimal("0.0098"))));
    }

    /** The same three days with nothing in them, as the backend answers a quiet period. */
    public static AnalyticsReport emptyReport() {
        LocalDate first = TODAY.minusDays(2);
        List<LocalDate> days = first.datesUntil(TODAY.plusDays(1)).toList();
        return new AnalyticsReport(first, TODAY, "Europe/Paris",
                List.of(new AnalyticsReport.StageCount("greeting", 0), new AnalyticsReport.StageCount("qualification", 0)),
                List.of(new AnalyticsReport.IntentCount("unknown", 0)),
                List.of(new AnalyticsReport.SentimentCount("neutral", 0)),
                new AnalyticsReport.Handoffs(0, List.of(), 0),
                new AnalyticsReport.ResponseTimes(new AnalyticsReport.Latency(0, null, null),
                        new AnalyticsReport.Latency(0, null, null)),
                days.stream().map(d -> new AnalyticsReport.DayMessages(d, 0, 0)).toList(),
                days.stream().map(d -> new AnalyticsReport.DayUsage(d, 0, 0, 0, BigDecimal.ZERO)).toList());
    }

    public static Prompt defaultPrompt(PromptStep step) {
        return new Prompt(step.id(), "## system\nYou work for {{business_name}}: " + step.id() + ".\n\n## user\n{{last_messages}}\n",
                false, "default-0a1b2c3d4e5f", null,
                List.of(new Prompt.Variable("business_name", "The organisation's name."),
                        new Prompt.Variable("last_messages", "The last messages, oldest first."),
                        new Prompt.Variable("tone", "The tone the organisation wants.")));
    }
}
