package dev.funnel.backend.analytics;

import dev.funnel.backend.analytics.AnalyticsRepository.EventRow;
import dev.funnel.backend.analytics.AnalyticsRepository.MessageRow;
import dev.funnel.backend.analytics.AnalyticsRepository.StateCount;
import dev.funnel.backend.analytics.AnalyticsRepository.Takeover;
import dev.funnel.backend.pipeline.ConversationStage;
import dev.funnel.backend.pipeline.IntentLevel;
import dev.funnel.backend.pipeline.Sentiment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The analytics of a date range, worked out from the rows {@link AnalyticsRepository} reads. Days are
 * the organisation's; every day of the range and every stage, intent and sentiment is listed, zeros
 * included, so a chart needs no gaps filled.
 */
public final class Analytics {

    public record Report(LocalDate from, LocalDate to, String timeZone, List<StageCount> funnel,
                         List<IntentCount> intent, List<SentimentCount> sentiment, Handoffs handoffs,
                         ResponseTimes responseTimes, List<DayMessages> messagesPerDay, List<DayUsage> usagePerDay) {
    }

    public record StageCount(String stage, int leads) {
    }

    public record IntentCount(String intentLevel, int leads) {
    }

    public record SentimentCount(String sentiment, int leads) {
    }

    /** Handoffs the bot made, by reason, and conversations people took over. */
    public record Handoffs(int total, List<ReasonCount> byReason, int takeovers) {
    }

    public record ReasonCount(String reason, int count) {
    }

    /**
     * How long leads waited: for the bot, from the first lead message it had not answered to its
     * reply; for a person, from the handoff or takeover (whichever came first) to their first message.
     */
    public record ResponseTimes(Latency botReply, Latency humanFirstResponse) {
    }

    /** Nearest-rank percentiles in milliseconds; null when there was nothing to measure. */
    public record Latency(int count, Long p50Ms, Long p90Ms) {

        static Latency of(List<Long> millis) {
            if (millis.isEmpty()) {
                return new Latency(0, null, null);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            return new Latency(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
        }

        static long percentile(List<Long> sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }
    }

    public record DayMessages(LocalDate date, int inbound, int outbound) {
    }

    /** Model calls of the day with their tokens, and their cost where the model has a configured price. */
    public record DayUsage(LocalDate date, int calls, long inputTokens, long outputTokens, BigDecimal costUsd) {
    }

    private Analytics() {
    }

    static Report report(LocalDate from, LocalDate to, ZoneId zone, List<StateCount> states,
                         List<MessageRow> messages, List<EventRow> events, List<Takeover> takeovers) {
        List<EventRow> handoffs = events.stream().filter(e -> "handoff".equals(e.type())).toList();
        return new Report(from, to, zone.getId(),
                counts(states, StateCount::stage, ids(ConversationStage.values(), ConversationStage::id))
                        .entrySet().stream().map(e -> new StageCount(e.getKey(), e.getValue())).toList(),
                counts(states, StateCount::intentLevel, ids(IntentLevel.values(), IntentLevel::id))
                        .entrySet().stream().map(e -> new IntentCount(e.getKey(), e.getValue())).toList(),
                counts(states, StateCount::sentiment, ids(Sentiment.values(), Sentiment::id))
                        .entrySet().stream().map(e -> new SentimentCount(e.getKey(), e.getValue())).toList(),
                new Handoffs(handoffs.size(), byReason(handoffs), takeovers.size()),
                new ResponseTimes(Latency.of(botReplies(messages)),
                        Latency.of(humanFirstResponses(messages, handoffs, takeovers))),
                messagesPerDay(from, to, zone, messages), usagePerDay(from, to, zone, events));
    }

    /** Leads per value: the known values in their order, then any other stored value. */
    private static Map<String, Integer> counts(List<StateCount> states, Function<StateCount, String> value,
                                                   List<String> known) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        known.forEach(id -> counts.put(id, 0));
        states.forEach(s -> counts.merge(value.apply(s), s.leads(), Integer::sum));
        return counts;
    }

    private static <E> List<String> ids(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id).toList();
    }

    /**
     * Handoff reasons are sentences with details after a colon or in brackets ("The bot could not
     * answer (timeout): please reply yourself"); they are counted by the part before, most frequent first.
     */
    private static List<ReasonCount> byReason(List<EventRow> handoffs) {
        Map<String, Integer> counts = new HashMap<>();
        handoffs.forEach(h -> counts.merge(reason(h.detail()), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ReasonCount::count).reversed().thenComparing(ReasonCount::reason))
                .toList();
    }

    static String reason(String detail) {
        if (detail == null || detail.isBlank()) {
            return "unspecified";
        }
        int end = detail.length();
        for (char stop : new char[] {':', '('}) {
            int at = detail.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return detail.substring(0, end).strip();
    }

    private static List<Long> botReplies(List<MessageRow> messages) {
        List<Long> latencies = new ArrayList<>();
        Map<UUID, Instant> unanswered = new HashMap<>();
        for (MessageRow m : messages) {
            switch (m.from()) {
                case "lead" -> unanswered.putIfAbsent(m.conversationId(), m.at());
                case "bot" -> {
                    Instant asked = unanswered.remove(m.conversationId());
                    if (asked != null) {
                        latencies.add(Duration.between(asked, m.at()).toMillis());
                    }
                }
                default -> unanswered.remove(m.conversationId());
            }
        }
        return latencies;
    }

    private static List<Long> humanFirstResponses(List<MessageRow> messages, List<EventRow> handoffs,
                                                  List<Takeover> takeovers) {
        record Moment(UUID conversationId, Instant at, boolean reply) {
        }
        List<Moment> moments = Stream.of(
                        handoffs.stream().map(h -> new Moment(h.conversationId(), h.at(), false)),
                        takeovers.stream().map(t -> new Moment(t.conversationId(), t.at(), false)),
                        messages.stream().filter(m -> "human".equals(m.from()))
                                .map(m -> new Moment(m.conversationId(), m.at(), true)))
                .flatMap(Function.identity()).sorted(Comparator.comparing(Moment::at)).toList();
        List<Long> latencies = new ArrayList<>();
        Map<UUID, Instant> waiting = new HashMap<>();
        for (Moment moment : moments) {
            if (!moment.reply()) {
                waiting.putIfAbsent(moment.conversationId(), moment.at());
            } else {
                Instant since = waiting.remove(moment.conversationId());
                if (since != null) {
                    latencies.add(Duration.between(since, moment.at()).toMillis());
                }
            }
        }
        return latencies;
    }

    private static List<DayMessages> messagesPerDay(LocalDate from, LocalDate to, ZoneId zone,
                                                    List<MessageRow> messages) {
        Map<LocalDate, int[]> days = new LinkedHashMap<>();
        from.datesUntil(to.plusDays(1)).forEach(day -> days.put(day, new int[2]));
        for (MessageRow m : messages) {
            int[] day = days.get(LocalDate.ofInstant(m.at(), zone));
            if (day != null) {
                day["lead".equals(m.from()) ? 0 : 1]++;
            }
        }
        return days.entrySet().stream().map(e -> new DayMessages(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private static List<DayUsage> usagePerDay(LocalDate from, LocalDate to, ZoneId zone, List<EventRow> events) {
        Map<LocalDate, DayUsage> days = new LinkedHashMap<>();
        from.datesUntil(to.plusDays(1)).forEach(day -> days.put(day, new DayUsage(day, 0, 0, 0, BigDecimal.ZERO)));
        for (EventRow e : events) {
            LocalDate date = LocalDate.ofInstant(e.at(), zone);
            DayUsage day = days.get(date);
            if (e.modelCall() && day != null) {
                days.put(date, new DayUsage(date, day.calls() + 1, day.inputTokens() + e.inputTokens(),
                        day.outputTokens() + e.outputTokens(),
                        e.costUsd() == null ? day.costUsd() : day.costUsd().add(e.costUsd())));
            }
        }
        return List.copyOf(days.values());
    }
}
