package dev.funnel.console.dashboard;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * What one chart shows: its series, or, when the period has nothing for it, the sentence to show
 * instead ({@code emptyText}, empty while there is data).
 */
public final class ChartModel<X, Y> {

    private final ObservableList<XYChart.Series<X, Y>> series = FXCollections.observableArrayList();
    private final StringProperty emptyText = new SimpleStringProperty("");

    void show(List<XYChart.Series<X, Y>> newSeries) {
        series.setAll(newSeries);
        emptyText.set("");
    }

    void showEmpty(String why) {
        series.clear();
        emptyText.set(why);
    }

    public ObservableList<XYChart.Series<X, Y>> series() {
        return series;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }
}
