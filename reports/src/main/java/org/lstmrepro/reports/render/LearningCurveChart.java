package org.lstmrepro.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
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
 * One task's learning curves: per model the median recent training error over its seeds (solid) and
 * the first and third quartiles (thin dashed, same colour), against training sequences, log error axis.
 */
final class LearningCurveChart {

    private LearningCurveChart() {
    }

    /** The chart, or empty when no model has a positive error sample on this task. */
    static Optional<XYChart> of(String taskLabel, Map<String, List<TrialRecord>> byModel, Map<String, Color> colours) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Learning curves: " + taskLabel)
                .xAxisTitle("training sequences").yAxisTitle("recent training error (log scale)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        // from zero, which also makes XChart choose round tick values
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        boolean any = false;
        for (Map.Entry<String, List<TrialRecord>> e : byModel.entrySet()) {
            Optional<LearningCurveBand> band = LearningCurveBand.of(e.getValue());
            if (band.isEmpty() || !hasPositive(band.get().median())) {
                continue;
            }
            LearningCurveBand b = band.get();
            Color colour = colours.get(e.getKey());
            String name = e.getKey() + " (" + b.trials() + (b.trials() == 1 ? " trial)" : " trials)");
            line(chart, name, b.sequences(), b.median(), colour, 2.2f, null, true);
            float[] dash = {6f, 4f};
            line(chart, name + " q1", b.sequences(), b.q1(), colour, 1f, dash, false);
            line(chart, name + " q3", b.sequences(), b.q3(), colour, 1f, dash, false);
            any = true;
        }
        return any ? Optional.of(chart) : Optional.empty();
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color colour, float width,
                             float[] dash, boolean inLegend) {
        XYSeries s = chart.addSeries(name, x, positiveOrNaN(y));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        s.setShowInLegend(inLegend);
    }

    /** A log axis cannot show zero or negative values: they become gaps. */
    private static double[] positiveOrNaN(double[] y) {
        return Arrays.stream(y).map(v -> v > 0 ? v : Double.NaN).toArray();
    }

    private static boolean hasPositive(double[] y) {
        return Arrays.stream(y).anyMatch(v -> v > 0);
    }
}
