package org.lstmrepro.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * One task's learning curves: per model the median recent training error over its seeds (solid) and
 * the first and third quartiles (thin dashed, same colour), against training sequences, log error axis.
 * Also drawn: the stopping threshold on the error (the 1997 criterion also needs every sequence of its
 * window right, so a curve can sit below the line without stopping), and a marker where each trial
 * stopped; from there on that trial counts with its last value, so a flat tail after the markers means
 * stopped trials, not stalled training.
 */
final class LearningCurveChart {

    /** The legend's words for the stop markers. */
    static final String STOP_LEGEND = "circle: a trial stopped, then counts at its last value";

    /** Points of a dashed quartile line: XChart restarts the dash on every segment, so segments must be long. */
    private static final int DASHED_POINTS = 48;

    private static final float[] DASH = {6f, 4f};

    private static final java.text.DecimalFormat THOUSANDS = new java.text.DecimalFormat("#,##0.#",
            java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));

    private LearningCurveChart() {
    }

    /** The chart, or empty when no model has a positive error sample on this task. */
    static Optional<XYChart> of(String taskLabel, Map<String, List<TrialRecord>> byModel, Map<String, Color> colours) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Learning curves: " + taskLabel)
                .xAxisTitle("training sequences (thousands)").yAxisTitle("recent training error (log scale)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        // from zero, which also makes XChart choose round tick values; one format per axis
        chart.getStyler().setXAxisMin(0.0);
        chart.setCustomXAxisTickLabelsFormatter(x -> THOUSANDS.format(x / 1000));
        chart.getStyler().setYAxisDecimalPattern(Charts.LOG_TICKS);
        boolean any = false;
        double xMax = 0;
        for (Map.Entry<String, List<TrialRecord>> e : byModel.entrySet()) {
            Optional<LearningCurveBand> band = LearningCurveBand.of(e.getValue());
            if (band.isEmpty() || !hasPositive(band.get().median())) {
                continue;
            }
            LearningCurveBand b = band.get();
            Color colour = colours.get(e.getKey());
            String name = e.getKey() + " (" + b.trials() + (b.trials() == 1 ? " trial" : " trials")
                    + "): median, quartiles dashed";
            line(chart, name, b.sequences(), b.median(), colour, 2.4f, null, true);
            double[] x = every(b.sequences());
            line(chart, e.getKey() + " q1", x, every(b.q1()), colour, 1.2f, DASH, false);
            line(chart, e.getKey() + " q3", x, every(b.q3()), colour, 1.2f, DASH, false);
            stops(chart, e.getKey(), e.getValue(), colour);
            xMax = Math.max(xMax, b.sequences()[b.sequences().length - 1]);
            any = true;
        }
        if (!any) {
            return Optional.empty();
        }
        thresholds(chart, byModel, xMax);
        XYSeries legend = chart.addSeries(STOP_LEGEND, new double[] {Double.NaN}, new double[] {Double.NaN});
        legend.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        legend.setMarker(SeriesMarkers.CIRCLE);
        legend.setMarkerColor(Color.DARK_GRAY);
        return Optional.of(chart);
    }

    /** A marker at the last sample of each trial: where it stopped (solved, budget spent or diverged). */
    private static void stops(XYChart chart, String model, List<TrialRecord> trials, Color colour) {
        List<double[]> ends = new ArrayList<>();
        for (TrialRecord t : trials) {
            if (t.learningCurve() == null) {
                continue;
            }
            t.learningCurve().stream().filter(s -> s != null && s.length > LearningCurveBand.ERROR
                            && Double.isFinite(s[0]) && s[LearningCurveBand.ERROR] > 0)
                    .max((a, b) -> Double.compare(a[0], b[0])).ifPresent(ends::add);
        }
        if (ends.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(model + " stops", ends.stream().mapToDouble(p -> p[0]).toArray(),
                ends.stream().mapToDouble(p -> p[LearningCurveBand.ERROR]).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
        s.setShowInLegend(false);
    }

    /** The stopping threshold(s) on the error of these trials, as horizontal dotted lines. */
    private static void thresholds(XYChart chart, Map<String, List<TrialRecord>> byModel, double xMax) {
        TreeSet<Double> values = new TreeSet<>();
        byModel.values().forEach(ts -> ts.forEach(t -> {
            Object v = t.settings() == null ? null : t.settings().get("stopError");
            if (v instanceof Number n && n.doubleValue() > 0) {
                values.add(n.doubleValue());
            }
        }));
        for (double v : values) {
            XYSeries s = chart.addSeries(String.format(Locale.ROOT,
                            "stopping threshold %s (with all of the window right)", Format.value(v)),
                    new double[] {0, xMax}, new double[] {v, v});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.BLACK);
            s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        }
    }

    /** About {@link #DASHED_POINTS} evenly spaced points of a grid line, the last one included. */
    private static double[] every(double[] y) {
        int step = Math.max(1, y.length / DASHED_POINTS);
        int n = (y.length - 1) / step + 1;
        double[] out = new double[n + ((y.length - 1) % step == 0 ? 0 : 1)];
        for (int i = 0; i < n; i++) {
            out[i] = y[i * step];
        }
        out[out.length - 1] = y[y.length - 1];
        return out;
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
