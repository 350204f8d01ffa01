package dev.funnel.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.DashboardTestData;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private static final Clock CLOCK = Clock.fixed(DashboardTestData.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final DashboardViewModel dashboard =
            new DashboardViewModel(backend, new CurrentThreadTaskExecutor(), navigator, CLOCK);

    @Test
    void todaysFiguresBecomeTilesWithWaitingLeadsFlagged() {
        dashboard.load();

        assertThat(dashboard.tiles()).extracting(DashboardTile::label, DashboardTile::value).startsWith(
                org.assertj.core.groups.Tuple.tuple("Needs a person", "4"),
                org.assertj.core.groups.Tuple.tuple("New leads today", "7"));
        assertThat(dashboard.tiles().getFirst().alert()).isTrue();
        assertThat(dashboard.tiles().get(2).detail()).isEqualTo("80 with the bot · 15 with people");
        assertThat(dashboard.todayProperty().get()).isEqualTo("Today, 3 Nov (Europe/Paris)");
    }

    @Test
    void firstLoadLeavesTheRangeToTheBackendAndShowsTheRangeItAnswered() {
        dashboard.load();

        assertThat(backend.calls).contains("analytics null null");
        assertThat(dashboard.fromProperty().get()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(dashboard.toProperty().get()).isEqualTo(DashboardTestData.TODAY);
        assertThat(backend.calls).filteredOn(call -> call.startsWith("analytics")).hasSize(1);
    }

    @Test
    void funnelSeriesHasEveryStageWithItsLeads() {
        dashboard.load();

        XYChart.Series<String, Number> funnel = dashboard.charts().funnel().series().getFirst();
        assertThat(funnel.getData()).extracting(XYChart.Data::getXValue, XYChart.Data::getYValue).containsExactly(
                tuple("greeting", 10), tuple("qualification", 6), tuple("pricing", 4), tuple("cta", 2),
                tuple("closed", 1), tuple("lost", 2), tuple("ghosted", 0));
        assertThat(dashboard.charts().intent().series().getFirst().getData())
                .extracting(XYChart.Data::getXValue).contains("very high");
    }

    @Test
    void sentimentPieLeavesOutMoodsNobodyHad() {
        dashboard.load();

        assertThat(dashboard.charts().sentiment()).extracting(PieChart.Data::getName)
                .containsExactly("positive (9)", "neutral (12)", "hesitant (3)", "annoyed (1)");
    }

    @Test
    void handoffReasonsRunFromTheMostFrequentAtTheTop() {
        dashboard.load();

        assertThat(dashboard.charts().handoffs().series().getFirst().getData())
                .extracting(XYChart.Data::getYValue).containsExactly("The bot could not answer", "Asked for a person");
        assertThat(dashboard.charts().handoffsSummaryProperty().get())
                .isEqualTo("5 handoffs by the bot · 2 conversations taken over by people");
    }

    @Test
    void responseTimesAreChartedInSecondsAndSaidInWords() {
        dashboard.load();

        List<XYChart.Series<String, Number>> series = dashboard.charts().responseTimes().series();
        assertThat(series).extracting(XYChart.Series::getName).containsExactly("Half within (s)", "9 in 10 within (s)");
        assertThat(series.getFirst().getData()).extracting(XYChart.Data::getXValue, XYChart.Data::getYValue)
                .containsExactly(tuple("Bot reply", 3.2), tuple("Person's first reply", 240.0));
        assertThat(dashboard.charts().responseTimesSummaryProperty().get()).isEqualTo(
                "Bot: half within 3 s, 9 in 10 within 9 s (40 replies)\nPeople: half within 4 min, 9 in 10 within 25 min (6 handoffs)");
    }

    @Test
    void messagesAndUsageHaveOnePointPerDay() {
        dashboard.load();

        List<XYChart.Series<String, Number>> messages = dashboard.charts().messagesPerDay().series();
        assertThat(messages).extracting(XYChart.Series::getName).containsExactly("Received", "Sent");
        assertThat(messages.getFirst().getData()).extracting(XYChart.Data::getXValue, XYChart.Data::getYValue)
                .containsExactly(tuple("1 Nov", 20), tuple("2 Nov", 25), tuple("3 Nov", 18));
        assertThat(dashboard.charts().tokensPerDay().series().get(1).getData())
                .extracting(XYChart.Data::getYValue).containsExactly(7_000L, 9_500L, 6_000L);
        assertThat(dashboard.charts().costPerDay().series().getFirst().getData())
                .extracting(d -> d.getYValue().toString()).containsExactly("0.0120", "0.0165", "0.0098");
        assertThat(dashboard.summaryProperty().get()).isEqualTo(
                "1 Nov – 3 Nov: 25 new leads · 63 messages received, 58 sent · 114 model calls, 185,500 tokens, $0.0383");
    }

    @Test
    void aQuietPeriodSaysSoInsteadOfDrawingEmptyCharts() {
        backend.analyticsReport = DashboardTestData.emptyReport();

        dashboard.load();

        assertThat(dashboard.emptyPeriodProperty().get()).isEqualTo("No conversations in this period (1 Nov – 3 Nov).");
        assertThat(dashboard.charts().funnel().series()).isEmpty();
        assertThat(dashboard.charts().funnel().emptyTextProperty().get()).isEqualTo(AnalyticsCharts.NO_LEADS);
        assertThat(dashboard.charts().sentimentEmptyProperty().get()).isEqualTo(AnalyticsCharts.NO_LEADS);
        assertThat(dashboard.charts().handoffs().emptyTextProperty().get()).isEqualTo(AnalyticsCharts.NO_HANDOFFS);
        assertThat(dashboard.charts().responseTimes().emptyTextProperty().get()).isEqualTo(AnalyticsCharts.NO_RESPONSES);
        assertThat(dashboard.charts().messagesPerDay().emptyTextProperty().get()).isEqualTo(AnalyticsCharts.NO_MESSAGES);
        assertThat(dashboard.charts().costPerDay().emptyTextProperty().get()).isEqualTo(AnalyticsCharts.NO_MODEL_CALLS);
    }

    @Test
    void modelCallsWithoutAPriceSayWhyThereIsNoCost() {
        backend.analyticsReport = withoutPrices(DashboardTestData.report());

        dashboard.load();

        assertThat(dashboard.charts().tokensPerDay().series()).hasSize(2);
        assertThat(dashboard.charts().costPerDay().emptyTextProperty().get()).isEqualTo(AnalyticsCharts.NO_PRICE);
    }

    @Test
    void changingADayLoadsThatRange() {
        dashboard.load();

        dashboard.fromProperty().set(LocalDate.parse("2026-10-01"));

        assertThat(backend.calls).contains("analytics 2026-10-01 2026-11-03");
    }

    @Test
    void aLastDayBeforeTheFirstIsRefusedWithoutAsking() {
        dashboard.load();
        backend.calls.clear();

        dashboard.toProperty().set(LocalDate.parse("2026-10-01"));

        assertThat(dashboard.analyticsErrorProperty().get()).isEqualTo("The last day is before the first day.");
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void presetsCountBackFromTheOrganisationsToday() {
        dashboard.load();

        dashboard.showLastDays(7);

        assertThat(backend.calls.getLast()).isEqualTo("analytics 2026-10-28 2026-11-03");
    }

    @Test
    void aFailedLoadSaysWhatCouldNotBeLoaded() {
        backend.failNext(500, "The database is not answering.");

        dashboard.load();

        assertThat(dashboard.statsErrorProperty().get())
                .isEqualTo("Today's figures could not be loaded: The database is not answering.");
        assertThat(dashboard.analyticsErrorProperty().get()).isEmpty();
    }

    @Test
    void anAnswerForARangeNoLongerAskedForIsDropped() {
        HeldTaskExecutor held = new HeldTaskExecutor();
        DashboardViewModel slow = new DashboardViewModel(backend, held, navigator, CLOCK);
        slow.showLastDays(7);
        backend.analyticsReport = DashboardTestData.emptyReport();
        slow.showLastDays(30);

        held.finishAll();

        assertThat(slow.emptyPeriodProperty().get()).startsWith(DashboardViewModel.NO_CONVERSATIONS);
        assertThat(slow.loadingProperty().get()).isFalse();
    }

    @Test
    void backGoesToTheInbox() {
        dashboard.back();

        assertThat(navigator.last()).isEqualTo("inbox");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static dev.funnel.console.backend.AnalyticsReport withoutPrices(dev.funnel.console.backend.AnalyticsReport r) {
        return new dev.funnel.console.backend.AnalyticsReport(r.from(), r.to(), r.timeZone(), r.funnel(), r.intent(),
                r.sentiment(), r.handoffs(), r.responseTimes(), r.messagesPerDay(), r.usagePerDay().stream()
                .map(d -> new dev.funnel.console.backend.AnalyticsReport.DayUsage(d.date(), d.calls(), d.inputTokens(),
                        d.outputTokens(), java.math.BigDecimal.ZERO)).toList());
    }

    /** Runs the work at once but holds the answers back until {@link #finishAll}, in reverse order. */
    private static final class HeldTaskExecutor implements TaskExecutor {

        private final List<Runnable> answers = new ArrayList<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            try {
                T result = work.call();
                answers.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                answers.add(() -> onFailure.accept(e));
            }
        }

        void finishAll() {
            answers.reversed().forEach(Runnable::run);
        }
    }
}
