package dev.funnel.console.dashboard;

import dev.funnel.console.backend.AnalyticsReport;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.DashboardStats;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Today's figures and the analytics of a range of days. The range starts empty, which asks the
 * backend for its default (the organisation's last 30 days, in its time zone); the answer fills it
 * in. Changing either end loads the range again; an answer for a range no longer asked for is dropped.
 */
public final class DashboardViewModel {

    public static final String NO_CONVERSATIONS = "No conversations in this period";
    /** The backend's limit. */
    static final int MAX_DAYS = 366;

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final Clock clock;

    private final ObservableList<DashboardTile> tiles = FXCollections.observableArrayList();
    private final StringProperty today = new SimpleStringProperty("");
    private final StringProperty statsError = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty analyticsError = new SimpleStringProperty("");
    private final StringProperty emptyPeriod = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final AnalyticsCharts charts = new AnalyticsCharts();

    private LocalDate organisationToday;
    private boolean settingRange;
    private int analyticsRequest;

    public DashboardViewModel(BackendClient client, TaskExecutor executor, Navigator navigator, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
        this.clock = clock;
        from.addListener((obs, old, now) -> rangeChanged());
        to.addListener((obs, old, now) -> rangeChanged());
    }

    public void load() {
        loadStats();
        loadAnalytics();
    }

    /** The last {@code days} days up to the organisation's today. */
    public void showLastDays(int days) {
        LocalDate end = organisationToday != null ? organisationToday : LocalDate.now(clock);
        setRange(end.minusDays(days - 1L), end);
        loadAnalytics();
    }

    public void back() {
        navigator.showInbox();
    }

    private void loadStats() {
        statsError.set("");
        executor.execute(client::dashboardStats, this::showStats,
                failure -> statsError.set("Today's figures could not be loaded: " + ErrorMessages.describe(failure)));
    }

    private void showStats(DashboardStats stats) {
        organisationToday = stats.today();
        today.set("Today, " + AnalyticsCharts.dayLabel(stats.today()) + " (" + stats.timeZone() + ")");
        tiles.setAll(List.of(
                new DashboardTile("Needs a person", number(stats.needsAttention()),
                        stats.needsAttention() == 0 ? "nobody is waiting" : "waiting for a reply",
                        stats.needsAttention() > 0),
                new DashboardTile("New leads today", number(stats.leadsNewToday()),
                        number(stats.leadsTotal()) + " leads in all", false),
                new DashboardTile("Conversations", number(stats.conversationsTotal()),
                        number(stats.conversationsBot()) + " with the bot · " + number(stats.conversationsHuman())
                                + " with people", false),
                new DashboardTile("Messages received today", number(stats.messagesInToday()),
                        number(stats.messagesOutToday()) + " sent", false),
                new DashboardTile("Bot replies today", number(stats.botRepliesToday()),
                        AnalyticsCharts.count(stats.handoffsToday(), "handoff") + " to people", false),
                new DashboardTile("Follow-ups scheduled", number(stats.followupsPending()), "not sent yet", false)));
    }

    private void rangeChanged() {
        if (!settingRange) {
            loadAnalytics();
        }
    }

    private void loadAnalytics() {
        LocalDate start = from.get();
        LocalDate end = to.get();
        String problem = rangeProblem(start, end);
        int request = ++analyticsRequest;
        if (!problem.isEmpty()) {
            loading.set(false);
            analyticsError.set(problem);
            return;
        }
        loading.set(true);
        analyticsError.set("");
        executor.execute(() -> client.analytics(start, end), report -> {
            if (request == analyticsRequest) {
                loading.set(false);
                showReport(report);
            }
        }, failure -> {
            if (request == analyticsRequest) {
                loading.set(false);
                analyticsError.set("The analytics could not be loaded: " + ErrorMessages.describe(failure));
            }
        });
    }

    /** Both ends empty is fine: the backend's default range. */
    private static String rangeProblem(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return "";
        }
        if (start == null || end == null) {
            return "Pick both a first and a last day.";
        }
        if (end.isBefore(start)) {
            return "The last day is before the first day.";
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            return "Pick at most " + MAX_DAYS + " days.";
        }
        return "";
    }

    private void showReport(AnalyticsReport report) {
        setRange(report.from(), report.to());
        charts.show(report);
        int leads = report.funnel().stream().mapToInt(AnalyticsReport.StageCount::leads).sum();
        int received = report.messagesPerDay().stream().mapToInt(AnalyticsReport.DayMessages::inbound).sum();
        int sent = report.messagesPerDay().stream().mapToInt(AnalyticsReport.DayMessages::outbound).sum();
        String period = AnalyticsCharts.dayLabel(report.from()) + " – " + AnalyticsCharts.dayLabel(report.to());
        emptyPeriod.set(leads == 0 && received == 0 && sent == 0 ? NO_CONVERSATIONS + " (" + period + ")." : "");
        summary.set(period + ": " + AnalyticsCharts.count(leads, "new lead") + " · " + number(received)
                + " messages received, " + number(sent) + " sent · " + usage(report.usagePerDay()));
    }

    private static String usage(List<AnalyticsReport.DayUsage> days) {
        int calls = days.stream().mapToInt(AnalyticsReport.DayUsage::calls).sum();
        long tokens = days.stream().mapToLong(day -> day.inputTokens() + day.outputTokens()).sum();
        BigDecimal cost = days.stream().map(AnalyticsCharts::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return AnalyticsCharts.count(calls, "model call") + ", " + AnalyticsCharts.count(tokens, "token")
                + ", $" + cost.setScale(cost.compareTo(BigDecimal.ONE) < 0 ? 4 : 2, RoundingMode.HALF_UP);
    }

    private void setRange(LocalDate start, LocalDate end) {
        settingRange = true;
        try {
            from.set(start);
            to.set(end);
        } finally {
            settingRange = false;
        }
    }

    private static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    public ObservableList<DashboardTile> tiles() {
        return tiles;
    }

    public ReadOnlyStringProperty todayProperty() {
        return today;
    }

    public ReadOnlyStringProperty statsErrorProperty() {
        return statsError;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty analyticsErrorProperty() {
        return analyticsError;
    }

    public ReadOnlyStringProperty emptyPeriodProperty() {
        return emptyPeriod;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public AnalyticsCharts charts() {
        return charts;
    }
}
