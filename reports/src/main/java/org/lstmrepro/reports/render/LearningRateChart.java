package org.lstmrepro.reports.render;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * One task's test MSE against the learning rate, one point per trial, for random searches (Greff et al.
 * 2015, Fig. 5 style): drawn only when the task's trials used at least {@link #MIN_RATES} learning rates.
 */
final class LearningRateChart {

    /** The fewest distinct learning rates that make a task a learning-rate search worth plotting. */
    static final int MIN_RATES = 3;

    private LearningRateChart() {
    }

    /** The chart, or empty when the task was not run at enough learning rates or has no test MSE. */
    static Optional<XYChart> of(String taskLabel, Map<String, List<TrialRecord>> byModel, Map<String, Color> colours) {
        List<TrialRecord> usable = byModel.values().stream().flatMap(List::stream)
                .filter(LearningRateChart::plottable).toList();
        if (usable.stream().mapToDouble(TrialRecord::learningRate).distinct().count() < MIN_RATES) {
            return Optional.empty();
        }
        boolean logY = usable.stream().allMatch(t -> t.testMse() > 0);
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Test MSE against learning rate: " + taskLabel)
                .xAxisTitle("learning rate (log scale)").yAxisTitle(logY ? "test MSE (log scale)" : "test MSE").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(logY);
        chart.getStyler().setYAxisDecimalPattern(logY ? Charts.LOG_TICKS : "0.####");
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisDecimalPattern(Charts.LOG_TICKS);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(7);
        for (var e : byModel.entrySet()) {
            List<TrialRecord> points = e.getValue().stream().filter(LearningRateChart::plottable).toList();
            if (points.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(e.getKey() + " (" + points.size() + ")",
                    points.stream().mapToDouble(TrialRecord::learningRate).toArray(),
                    points.stream().mapToDouble(TrialRecord::testMse).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colours.get(e.getKey()));
        }
        return Optional.of(chart);
    }

    private static boolean plottable(TrialRecord t) {
        return t.learningRate() > 0 && t.testMse() != null && Double.isFinite(t.testMse());
    }
}
