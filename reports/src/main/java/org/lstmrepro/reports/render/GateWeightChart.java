package org.lstmrepro.reports.render;

import java.awt.BasicStroke;
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
 * How a 1997 LSTM leaves its long-lag plateau (issue 8): per trial, the input-gate weight that ends
 * largest in magnitude (on the adding problem, the weight from the marker input into the gate that
 * learned to open on the marker) against training sequences, with a dot where the trial left its
 * plateau. Drawn from the learning curves' probe columns ({@code TrialRecord.curveColumns}).
 */
final class GateWeightChart {

    private GateWeightChart() {
    }

    /** The chart, or empty when no trial of the task has probe columns. */
    static Optional<XYChart> of(String taskLabel, Map<String, List<TrialRecord>> byModel, Map<String, Color> colours) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Largest input-gate weight per trial: " + taskLabel)
                .xAxisTitle("training sequences").yAxisTitle("weight").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        boolean any = false;
        for (var e : byModel.entrySet()) {
            Color colour = colours.get(e.getKey());
            boolean first = true;
            for (TrialRecord t : e.getValue()) {
                int column = largestColumn(t);
                if (column < 0) {
                    continue;
                }
                List<double[]> curve = t.learningCurve();
                double[] x = curve.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = curve.stream().mapToDouble(p -> p[column]).toArray();
                String name = first ? e.getKey() + " (dots: plateau ends)"
                        : e.getKey() + " seed " + t.seed() + " " + t.curveColumns().get(column - 3) + " " + t.key();
                XYSeries s = chart.addSeries(name, x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(colour);
                s.setLineStyle(new BasicStroke(1.2f));
                s.setShowInLegend(first);
                first = false;
                if (t.plateauEnd() != null) {
                    double end = t.plateauEnd();
                    XYSeries dot = chart.addSeries(name + " plateau end", new double[] {end},
                            new double[] {valueAt(x, y, end)});
                    dot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    dot.setMarker(SeriesMarkers.CIRCLE);
                    dot.setMarkerColor(colour);
                    dot.setShowInLegend(false);
                }
                any = true;
            }
        }
        return any ? Optional.of(chart) : Optional.empty();
    }

    /** The probe column (index into a curve row) whose last value is largest in magnitude; -1 if none. */
    private static int largestColumn(TrialRecord t) {
        if (t.curveColumns() == null || t.curveColumns().isEmpty() || t.learningCurve().isEmpty()) {
            return -1;
        }
        double[] last = t.learningCurve().get(t.learningCurve().size() - 1);
        int best = -1;
        for (int c = 3; c < last.length; c++) {
            if (best < 0 || Math.abs(last[c]) > Math.abs(last[best])) {
                best = c;
            }
        }
        return best;
    }

    /** y at x by the nearest sample at or before x (the curve is sampled every so many sequences). */
    private static double valueAt(double[] x, double[] y, double at) {
        int i = 0;
        while (i + 1 < x.length && x[i + 1] <= at) {
            i++;
        }
        return y[i];
    }
}
