package dev.funnel.console.dashboard;

import dev.funnel.console.backend.AnalyticsReport;
import dev.funnel.console.backend.AnalyticsReport.DayMessages;
import dev.funnel.console.backend.AnalyticsReport.DayUsage;
import dev.funnel.console.backend.AnalyticsReport.Latency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;

/**
 * Turns an analytics report into what the dashboard's charts show, with a plain sentence in place of
 * a chart when the period has nothing for it.
 */
public final class AnalyticsCharts {

    public static final String NO_LEADS = "No new leads in this period.";
    public static final String NO_HANDOFFS = "The bot handed no conversation to a person in this period.";
    public static final String NO_RESPONSES = "No replies to measure in this period.";
    public static final String NO_MESSAGES = "No messages in this period.";
    public static final String NO_MODEL_CALLS = "No model calls in this period.";
    public static final String NO_PRICE = "No cost recorded: the model has no price configured.";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final ChartModel<String, Number> funnel = new ChartModel<>();
    private final ChartModel<String, Number> intent = new ChartModel<>();
    private final ObservableList<PieChart.Data> sentiment = FXCollections.observableArrayList();
    private final StringProperty sentimentEmpty = new SimpleStringProperty("");
    /** Horizontal bars: reasons are sentences, too long to stand under a bar. */
    private final ChartModel<Number, String> handoffs = new ChartModel<>();
    private final StringProperty handoffsSummary = new SimpleStringProperty("");
    private final ChartModel<String, Number> responseTimes = new ChartModel<>();
    private final StringProperty responseTimesSummary = new SimpleStringProperty("");
    private final ChartModel<String, Number> messagesPerDay = new ChartModel<>();
    private final ChartModel<String, Number> tokensPerDay = new ChartModel<>();
    private final ChartModel<String, Number> costPerDay = new ChartModel<>();

    void show(AnalyticsReport report) {
        showCounts(funnel, "Leads", report.funnel(), AnalyticsReport.StageCount::stage, AnalyticsReport.StageCount::leads);
        showCounts(intent, "Leads", report.intent(), AnalyticsReport.IntentCount::intentLevel,
                AnalyticsReport.IntentCount::leads);
        showSentiment(report.sentiment());
        showHandoffs(report.handoffs());
        showResponseTimes(report.responseTimes());
        showMessages(report.messagesPerDay());
        showUsage(report.usagePerDay());
    }

    private static <T> void showCounts(ChartModel<String, Number> chart, String name, List<T> rows,
                                       Function<T, String> label, ToIntFunction<T> count) {
        if (rows.stream().mapToInt(count).sum() == 0) {
            chart.showEmpty(NO_LEADS);
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        rows.forEach(row -> series.getData().add(new XYChart.Data<>(words(label.apply(row)), count.applyAsInt(row))));
        chart.show(List.of(series));
    }

    /** Only the moods that occur: a pie of mostly zero slices says nothing. */
    private void showSentiment(List<AnalyticsReport.SentimentCount> rows) {
        List<PieChart.Data> slices = rows.stream().filter(row -> row.leads() > 0)
                .map(row -> new PieChart.Data(words(row.sentiment()) + " (" + row.leads() + ")", row.leads()))
                .toList();
        sentiment.setAll(slices);
        sentimentEmpty.set(slices.isEmpty() ? NO_LEADS : "");
    }

    private void showHandoffs(AnalyticsReport.Handoffs report) {
        handoffsSummary.set(count(report.total(), "handoff") + " by the bot · "
                + count(report.takeovers(), "conversation") + " taken over by people");
        if (report.byReason().isEmpty()) {
            handoffs.showEmpty(NO_HANDOFFS);
            return;
        }
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName("Handoffs");
        // a category axis draws its first category at the bottom; the most frequent reason belongs on top
        report.byReason().reversed()
                .forEach(reason -> series.getData().add(new XYChart.Data<>(reason.count(), reason.reason())));
        handoffs.show(List.of(series));
    }

    private void showResponseTimes(AnalyticsReport.ResponseTimes report) {
        Latency bot = report.botReply();
        Latency human = report.humanFirstResponse();
        if (bot.count() == 0 && human.count() == 0) {
            responseTimes.showEmpty(NO_RESPONSES);
            responseTimesSummary.set("");
            return;
        }
        XYChart.Series<String, Number> median = new XYChart.Series<>();
        median.setName("Half within (s)");
        XYChart.Series<String, Number> ninetieth = new XYChart.Series<>();
        ninetieth.setName("9 in 10 within (s)");
        addLatency(median, ninetieth, "Bot reply", bot);
        addLatency(median, ninetieth, "Person's first reply", human);
        responseTimes.show(List.of(median, ninetieth));
        responseTimesSummary.set("Bot: " + latencySentence(bot, count(bot.count(), "reply", "replies")) + "\nPeople: "
                + latencySentence(human, count(human.count(), "handoff", "handoffs")));
    }

    private static void addLatency(XYChart.Series<String, Number> median, XYChart.Series<String, Number> ninetieth,
                                   String category, Latency latency) {
        if (latency.count() > 0) {
            median.getData().add(new XYChart.Data<>(category, seconds(latency.p50Ms())));
            ninetieth.getData().add(new XYChart.Data<>(category, seconds(latency.p90Ms())));
        }
    }

    private static String latencySentence(Latency latency, String what) {
        if (latency.count() == 0) {
            return "nothing to measure";
        }
        return "half within " + Durations.words(latency.p50Ms()) + ", 9 in 10 within "
                + Durations.words(latency.p90Ms()) + " (" + what + ")";
    }

    private void showMessages(List<DayMessages> days) {
        if (days.stream().allMatch(day -> day.inbound() == 0 && day.outbound() == 0)) {
            messagesPerDay.showEmpty(NO_MESSAGES);
            return;
        }
        messagesPerDay.show(List.of(daily("Received", days, DayMessages::date, DayMessages::inbound),
                daily("Sent", days, DayMessages::date, DayMessages::outbound)));
    }

    private void showUsage(List<DayUsage> days) {
        if (days.stream().allMatch(day -> day.calls() == 0)) {
            tokensPerDay.showEmpty(NO_MODEL_CALLS);
            costPerDay.showEmpty(NO_MODEL_CALLS);
            return;
        }
        tokensPerDay.show(List.of(daily("Input tokens", days, DayUsage::date, DayUsage::inputTokens),
                daily("Output tokens", days, DayUsage::date, DayUsage::outputTokens)));
        if (days.stream().allMatch(day -> cost(day).signum() == 0)) {
            costPerDay.showEmpty(NO_PRICE);
        } else {
            costPerDay.show(List.of(daily("Cost (USD)", days, DayUsage::date, AnalyticsCharts::cost)));
        }
    }

    private static <T> XYChart.Series<String, Number> daily(String name, List<T> days, Function<T, LocalDate> date,
                                                            Function<T, Number> value) {
        List<XYChart.Data<String, Number>> points = new ArrayList<>();
        days.forEach(day -> points.add(new XYChart.Data<>(DAY.format(date.apply(day)), value.apply(day))));
        return new XYChart.Series<>(name, FXCollections.observableArrayList(points));
    }

    static BigDecimal cost(DayUsage day) {
        return day.costUsd() == null ? BigDecimal.ZERO : day.costUsd();
    }

    static String dayLabel(LocalDate day) {
        return DAY.format(day);
    }

    /** "very_high" → "very high". */
    private static String words(String id) {
        return id == null ? "unknown" : id.replace('_', ' ');
    }

    private static double seconds(Long millis) {
        return millis == null ? 0 : millis / 1000.0;
    }

    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    static String count(long n, String one, String many) {
        return String.format(Locale.ENGLISH, "%,d %s", n, n == 1 ? one : many);
    }

    public ChartModel<String, Number> funnel() {
        return funnel;
    }

    public ChartModel<String, Number> intent() {
        return intent;
    }

    public ObservableList<PieChart.Data> sentiment() {
        return sentiment;
    }

    public ReadOnlyStringProperty sentimentEmptyProperty() {
        return sentimentEmpty;
    }

    public ChartModel<Number, String> handoffs() {
        return handoffs;
    }

    public ReadOnlyStringProperty handoffsSummaryProperty() {
        return handoffsSummary;
    }

    public ChartModel<String, Number> responseTimes() {
        return responseTimes;
    }

    public ReadOnlyStringProperty responseTimesSummaryProperty() {
        return responseTimesSummary;
    }

    public ChartModel<String, Number> messagesPerDay() {
        return messagesPerDay;
    }

    public ChartModel<String, Number> tokensPerDay() {
        return tokensPerDay;
    }

    public ChartModel<String, Number> costPerDay() {
        return costPerDay;
    }
}
