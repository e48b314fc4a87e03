package io.walbridge.app.monitor;

import javafx.beans.property.DoubleProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.ZoneId;

/**
 * A line chart over time made for a live feed: no animation and no symbols (a node per point would cost
 * thousands of nodes), the time axis bound to the view-model's window, labels in people's units.
 */
final class LiveChart {

    private LiveChart() {
    }

    /** One named series of a chart. */
    record Line(String name, ObservableList<XYChart.Data<Number, Number>> data) {
    }

    static LineChart<Number, Number> create(String title, YUnit unit, DoubleProperty lower, DoubleProperty upper,
                                            ZoneId zone, Line... lines) {
        TimeAxis x = new TimeAxis(zone);
        x.lowerBoundProperty().bind(lower);
        x.upperBoundProperty().bind(upper);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return unit.label(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return null; // tick labels are only shown: an axis never parses them back
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(lines.length > 1);
        chart.setPrefHeight(210);
        chart.setMinHeight(180);
        chart.getStyleClass().add("live-chart");
        for (Line l : lines) {
            chart.getData().add(new XYChart.Series<>(l.name(), l.data()));
        }
        return chart;
    }
}
