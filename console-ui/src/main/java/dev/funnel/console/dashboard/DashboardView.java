package dev.funnel.console.dashboard;

import dev.funnel.console.common.Binds;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the dashboard's tiles, range pickers and charts to its ViewModel. */
public final class DashboardView {

    @FXML private Label dashboardToday;
    @FXML private Label dashboardStatsError;
    @FXML private HBox dashboardTiles;
    @FXML private DatePicker analyticsFrom;
    @FXML private DatePicker analyticsTo;
    @FXML private ProgressIndicator analyticsLoading;
    @FXML private Label analyticsError;
    @FXML private Label analyticsEmpty;
    @FXML private Label analyticsSummary;
    @FXML private XYChart<String, Number> funnelChart;
    @FXML private Label funnelEmpty;
    @FXML private XYChart<String, Number> intentChart;
    @FXML private Label intentEmpty;
    @FXML private PieChart sentimentChart;
    @FXML private Label sentimentEmpty;
    @FXML private XYChart<Number, String> handoffsChart;
    @FXML private Label handoffsEmpty;
    @FXML private Label handoffsSummary;
    @FXML private XYChart<String, Number> responseTimesChart;
    @FXML private Label responseTimesEmpty;
    @FXML private Label responseTimesSummary;
    @FXML private XYChart<String, Number> messagesChart;
    @FXML private Label messagesEmpty;
    @FXML private XYChart<String, Number> tokensChart;
    @FXML private Label tokensEmpty;
    @FXML private XYChart<String, Number> costChart;
    @FXML private Label costEmpty;

    private final DashboardViewModel viewModel;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Binds.message(dashboardToday, viewModel.todayProperty());
        Binds.message(dashboardStatsError, viewModel.statsErrorProperty());
        viewModel.tiles().addListener((ListChangeListener<DashboardTile>) change -> showTiles());
        analyticsFrom.valueProperty().bindBidirectional(viewModel.fromProperty());
        analyticsTo.valueProperty().bindBidirectional(viewModel.toProperty());
        Binds.shown(analyticsLoading, viewModel.loadingProperty());
        Binds.message(analyticsError, viewModel.analyticsErrorProperty());
        Binds.message(analyticsEmpty, viewModel.emptyPeriodProperty());
        Binds.message(analyticsSummary, viewModel.summaryProperty());

        AnalyticsCharts charts = viewModel.charts();
        bind(funnelChart, funnelEmpty, charts.funnel());
        bind(intentChart, intentEmpty, charts.intent());
        sentimentChart.setData(charts.sentiment());
        shownUnlessEmpty(sentimentChart, sentimentEmpty, charts.sentimentEmptyProperty());
        bind(handoffsChart, handoffsEmpty, charts.handoffs());
        Binds.message(handoffsSummary, charts.handoffsSummaryProperty());
        bind(responseTimesChart, responseTimesEmpty, charts.responseTimes());
        Binds.message(responseTimesSummary, charts.responseTimesSummaryProperty());
        bind(messagesChart, messagesEmpty, charts.messagesPerDay());
        bind(tokensChart, tokensEmpty, charts.tokensPerDay());
        bind(costChart, costEmpty, charts.costPerDay());
        viewModel.load();
    }

    private static <X, Y> void bind(XYChart<X, Y> chart, Label empty, ChartModel<X, Y> model) {
        chart.setData(model.series());
        wholeNumbers(chart.getXAxis());
        wholeNumbers(chart.getYAxis());
        shownUnlessEmpty(chart, empty, model.emptyTextProperty());
    }

    private static void shownUnlessEmpty(Node chart, Label empty, ObservableStringValue emptyText) {
        Binds.message(empty, emptyText);
        Binds.shown(chart, Bindings.createBooleanBinding(() -> emptyText.get().isEmpty(), emptyText));
    }

    /** Counts are whole: no "0.5 leads" tick between 0 and 1. Axes marked "decimal" (cost, seconds) keep theirs. */
    private static void wholeNumbers(Axis<?> axis) {
        if (axis instanceof NumberAxis numbers && !numbers.getStyleClass().contains("decimal-axis")) {
            numbers.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return n.doubleValue() % 1 == 0 ? String.format("%,d", n.longValue()) : "";
                }

                @Override
                public Number fromString(String text) {
                    return Long.parseLong(text.replace(",", ""));
                }
            });
            numbers.setMinorTickVisible(false);
        }
    }

    private void showTiles() {
        dashboardTiles.getChildren().setAll(viewModel.tiles().stream().map(DashboardView::tile).toList());
    }

    private static Node tile(DashboardTile tile) {
        Label value = new Label(tile.value());
        value.getStyleClass().add("tile-value");
        Label label = new Label(tile.label());
        label.getStyleClass().add("tile-label");
        Label detail = new Label(tile.detail());
        detail.getStyleClass().add("tile-detail");
        VBox box = new VBox(2, label, value, detail);
        box.getStyleClass().add("tile");
        if (tile.alert()) {
            box.getStyleClass().add("tile-alert");
        }
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    @FXML
    private void lastWeek() {
        viewModel.showLastDays(7);
    }

    @FXML
    private void lastMonth() {
        viewModel.showLastDays(30);
    }

    @FXML
    private void lastQuarter() {
        viewModel.showLastDays(90);
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }

    @FXML
    private void back() {
        viewModel.back();
    }
}
