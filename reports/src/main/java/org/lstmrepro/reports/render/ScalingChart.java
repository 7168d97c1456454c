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
 * The scaling law on log-log axes: per model, each trial's measure against the task's length (filled
 * circles: sequences to criterion; open diamonds: plateau end), the fitted power laws
 * ({@link ScalingLaw}), and the paper's means where it gives them (black crosses).
 */
final class ScalingChart {

    private ScalingChart() {
    }

    static Optional<XYChart> of(String task, String taskLabel, String setting, List<ScalingLaw> fits,
                                List<TrialRecord> trials, Map<String, Color> colours, List<double[]> paper) {
        if (fits.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Training time against lag: " + taskLabel)
                .xAxisTitle(setting + " (log scale)").yAxisTitle("training sequences (log scale)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(7);
        for (ScalingLaw fit : fits) {
            Color colour = colours.getOrDefault(fit.model(), Color.DARK_GRAY);
            boolean criterion = fit.measure().equals("sequences to criterion");
            List<TrialRecord> mine = trials.stream().filter(t -> t.modelLabel().equals(fit.model())
                    && String.valueOf(t.spec().get("task")).equals(task)).toList();
            double[] x = mine.stream().filter(t -> ScalingLaw.MEASURES.get(fit.measure()).apply(t) != null)
                    .mapToDouble(t -> ScalingLaw.length(t, setting)).toArray();
            double[] y = mine.stream().map(t -> ScalingLaw.MEASURES.get(fit.measure()).apply(t))
                    .filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
            String name = fit.model() + ", " + (criterion ? "criterion" : "plateau end");
            XYSeries points = chart.addSeries(name + String.format(" (b = %.2f)", fit.exponent()), x, y);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(criterion ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            points.setMarkerColor(criterion ? colour : colour.brighter());
            double lo = fit.lengths().get(0);
            double hi = fit.lengths().get(fit.lengths().size() - 1);
            XYSeries line = chart.addSeries(name + " fit", new double[] {lo, hi},
                    new double[] {fit.predict(lo), fit.predict(hi)});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(colour);
            line.setLineStyle(criterion ? new BasicStroke(1.6f)
                    : new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            line.setShowInLegend(false);
        }
        if (!paper.isEmpty()) {
            XYSeries p = chart.addSeries("paper's mean (Hochreiter & Schmidhuber 1997)",
                    paper.stream().mapToDouble(v -> v[0]).toArray(), paper.stream().mapToDouble(v -> v[1]).toArray());
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.CROSS);
            p.setMarkerColor(Color.BLACK);
        }
        return Optional.of(chart);
    }
}
