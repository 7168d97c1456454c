package org.lstmrepro.reports.flow;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lstmrepro.reports.render.ChartFiles;
import org.lstmrepro.reports.render.Charts;

/**
 * Renders a {@link FlowReport} as PNG files, each with an SVG beside it, with XChart (headless): error signal against lag (log scale),
 * the exploding-gradient study with clipping, gate histograms and cell-state traces.
 */
public final class FlowPlots {

    /** Distinct, colour-blind-friendly colours (Okabe and Ito), the same curve the same colour in every panel. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};

    /** Smallest y range of a log10 panel, so a flat curve looks flat rather than magnified noise. */
    private static final double MIN_DECADES = 2;

    /** Panel size in pixels. */
    private static final int WIDTH = 760;
    private static final int HEIGHT = 520;

    private FlowPlots() {
    }

    /** Writes every plot of {@code report} into {@code dir} (created if needed); returns the files, in order. */
    public static List<Path> write(FlowReport report, Path dir) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            files.addAll(save(errorFlow(report, false), dir.resolve("error-flow-init.png")));
            if (report.models().stream().anyMatch(m -> !m.trained().isEmpty())) {
                files.addAll(save(errorFlow(report, true), dir.resolve("error-flow-trained.png")));
            }
            if (!report.exploding().isEmpty()) {
                files.addAll(save(exploding(report), dir.resolve("exploding.png")));
            }
            for (ModelFlow m : report.models()) {
                if (m.gates() != null) {
                    files.addAll(save(gates(m), dir.resolve("gates-" + fileName(m.model()) + ".png")));
                }
                if (m.trace() != null) {
                    files.addAll(save(List.of(cellStates(m)), dir.resolve("cell-states-" + fileName(m.model()) + ".png")));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plots into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code vanilla:NFG} becomes {@code vanilla-NFG}. */
    public static String fileName(String model) {
        return model.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    // ------------------------------------------------------------------------------------------ charts

    /**
     * One line style per model of a comparison (in model order), so curves that coincide stay apart: solid,
     * long dashes, dash-dot, short dashes. A model's second rule is drawn dotted.
     */
    private static final float[][] MODEL_DASHES = {null, {10f, 6f}, {12f, 4f, 3f, 4f}, {5f, 4f}};
    private static final float[] SECOND_RULE_DASH = {2f, 4f};
    /** Points of a dashed curve: XChart starts the dash pattern anew on every segment, so segments must be long. */
    private static final int DASHED_POINTS = 30;

    /** A curve waiting to be drawn; the 1997 truncated-gradient curves are drawn last, on top. */
    private record Pending(XYChart chart, String name, double[] x, double[] y, Color color, float width, float[] dash,
                           boolean onTop) {
    }

    private static List<XYChart> errorFlow(FlowReport report, boolean trained) {
        String stage = trained ? "after training" : "at initialisation";
        XYChart state = log10Chart("Error on the recurrent state " + stage,
                "lag T - t (steps back from the error at step T)", "log10 || dE(T) / d state(t) ||");
        XYChart hidden = log10Chart("Error on the hidden output " + stage,
                "lag T - t (steps back from the error at step T)", "log10 || dE(T) / d output(t) ||");
        List<Pending> pending = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < report.models().size(); i++) {
            ModelFlow m = report.models().get(i);
            Color color = PALETTE[i % PALETTE.length];
            List<FlowCurve> curves = trained ? m.trained() : m.initial();
            for (int k = 0; k < curves.size(); k++) {
                FlowCurve c = curves.get(k);
                boolean truncated = c.label().contains(FlowRule.TRUNCATED_1997.id());
                float[] dash = truncated ? null : k > 0 ? SECOND_RULE_DASH : MODEL_DASHES[i % MODEL_DASHES.length];
                float width = truncated ? 5f : 2.5f;
                String part = c.hasCellState() ? ": cell state" : ": h (no cell state)";
                pending.add(new Pending(state, c.label() + part + (truncated ? ", on top" : ""), lags(c),
                        stateNorms(c), color, width, dash, truncated));
                if (Arrays.stream(c.hidden()).anyMatch(v -> v > 0 && Double.isFinite(v))) {
                    pending.add(new Pending(hidden, c.label(), lags(c), c.hidden(), color, width, dash, truncated));
                } else {
                    notes.add(c.label());
                }
            }
        }
        pending.sort(java.util.Comparator.comparing(Pending::onTop));
        for (Pending p : pending) {
            XYSeries s = addLog10(p.chart(), p.name(), p.dash() == null ? p.x() : thin(p.x()),
                    p.dash() == null ? p.y() : thin(p.y()), p.color());
            if (s != null) {
                s.setLineStyle(p.dash() == null ? new BasicStroke(p.width())
                        : new BasicStroke(p.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, p.dash(), 0f));
            }
        }
        for (String label : notes) { // zero at every lag has no logarithm: say so instead of drawing nothing
            XYSeries s = hidden.addSeries(label + ": 0 at every lag", new double[] {Double.NaN},
                    new double[] {Double.NaN});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.LIGHT_GRAY);
        }
        atLeastDecades(state, MIN_DECADES);
        atLeastDecades(hidden, MIN_DECADES);
        return List.of(state, hidden);
    }

    /** About {@link #DASHED_POINTS} evenly spaced points of a curve, the first and last included. */
    private static double[] thin(double[] y) {
        int step = Math.max(1, (y.length + DASHED_POINTS - 1) / DASHED_POINTS);
        int n = (y.length - 1) / step + 1;
        boolean lastIncluded = (y.length - 1) % step == 0;
        double[] out = new double[n + (lastIncluded ? 0 : 1)];
        for (int i = 0; i < n; i++) {
            out[i] = y[i * step];
        }
        out[out.length - 1] = y[y.length - 1];
        return out;
    }

    private static List<XYChart> exploding(FlowReport report) {
        XYChart flow = log10Chart("Error against lag, recurrent weights scaled to a spectral radius",
                "lag T - t (steps back from the error at step T)", "log10 || dE(T) / d state(t) ||");
        double threshold = report.exploding().get(0).clipping().threshold();
        XYChart clip = log10Chart("Weight-gradient norm per sequence, global-norm clipping at " + threshold,
                "test sequence", "log10 || dE / dW ||");
        int n = 0;
        for (int i = 0; i < report.exploding().size(); i++) {
            ExplodingCase e = report.exploding().get(i);
            Color color = PALETTE[i % PALETTE.length];
            addLog10(flow, e.label(), lags(e.curve()), stateNorms(e.curve()), color);
            ClippingEffect c = e.clipping();
            n = Math.max(n, c.before().length);
            double[] x = new double[c.before().length];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
            }
            XYSeries before = addLog10(clip, e.label() + ": gradient", x, c.before(), color);
            if (before != null) {
                before.setMarker(SeriesMarkers.CIRCLE);
                before.setLineWidth(1f);
            }
            // where nothing was clipped the clipped norms are the same points: drawn once
            XYSeries after = c.clippedCount() == 0 ? null
                    : addLog10(clip, e.label() + ": after clipping", x, c.after(), color);
            if (after != null) {
                after.setMarker(SeriesMarkers.NONE);
                after.setLineStyle(SeriesLines.DASH_DASH);
                after.setLineWidth(3f);
            }
        }
        XYSeries t = clip.addSeries("threshold " + threshold, new double[] {1, n}, new double[] {
                Math.log10(threshold), Math.log10(threshold)});
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(Color.BLACK);
        t.setLineStyle(SeriesLines.DOT_DOT);
        clip.getStyler().setMarkerSize(6);
        atLeastDecades(flow, MIN_DECADES);
        return List.of(flow, clip);
    }

    private static List<XYChart> gates(ModelFlow m) {
        GateStatistics g = m.gates();
        List<XYChart> charts = new ArrayList<>();
        double[] x = new double[GateStatistics.BINS];
        for (int b = 0; b < x.length; b++) {
            x[b] = GateStatistics.binCentre(b);
        }
        for (int gate = 0; gate < g.gateNames().size(); gate++) {
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(m.model() + ": " + g.gateNames().get(gate) + ", " + m.stage())
                    .xAxisTitle("activation (" + GateStatistics.BINS + " bins)")
                    .yAxisTitle("fraction of the " + g.steps() + " steps (log)").build();
            style(chart);
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
            // log scale: a gate that opens only at the few marked steps still shows (empty bins are left out)
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMax(1.0);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(1.0 / g.steps())))); // one step's share
            chart.getStyler().setMarkerSize(6);
            chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
            chart.getStyler().setYAxisDecimalPattern(Charts.LOG_TICKS);
            chart.getStyler().setXAxisDecimalPattern("0.0");
            chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
            for (int u = 0; u < g.mean()[gate].length; u++) {
                // units side by side inside each bin, so units with the same histogram do not hide each other
                double[] jittered = new double[x.length];
                int units = g.mean()[gate].length;
                for (int b = 0; b < x.length; b++) {
                    jittered[b] = x[b] + (u - (units - 1) / 2.0) * 0.8 / (GateStatistics.BINS * Math.max(units, 1));
                }
                XYSeries s = addPositive(chart, String.format(Locale.ROOT, "%s %d (mean %.3f)", g.unitName(), u,
                        g.mean()[gate][u]), jittered, g.histogram()[gate][u]);
                if (s != null) { // points, not lines: a line would bridge the empty bins
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(u % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
                }
            }
            charts.add(chart);
        }
        return charts;
    }

    private static XYChart cellStates(ModelFlow m) {
        CellTrace trace = m.trace();
        XYChart chart = new XYChartBuilder().width(2 * WIDTH).height(HEIGHT)
                .title(m.model() + ": cell states " + trace.cellSymbol() + "(t) over one test sequence, " + m.stage())
                .xAxisTitle("step t").yAxisTitle("cell state " + trace.cellSymbol() + "(t)").build();
        style(chart);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("0.0##"); // a leading zero: 0.02, not .02
        tensOnly(chart);
        double[][] s = trace.states();
        double[] x = new double[s.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < s.length; t++) {
            x[t] = t;
            for (double v : s[t]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        for (int c = 0; c < trace.cellCount(); c++) {
            double[] y = new double[s.length];
            for (int t = 0; t < s.length; t++) {
                y[t] = s[t][c];
            }
            boolean storing = c == trace.storingCell();
            XYSeries series = chart.addSeries("cell " + c + (storing ? " (largest jump at the marks)" : ""), x, y);
            series.setMarker(SeriesMarkers.NONE);
            if (storing) {
                series.setLineWidth(4f);
            }
        }
        double pad = Math.max(1e-3, 0.05 * (max - min));
        for (int i = 0; i < trace.markers().length; i++) {
            int t = trace.markers()[i];
            XYSeries mark = chart.addSeries(i == 0 ? "marked steps " + java.util.Arrays.toString(trace.markers()) : "mark " + t,
                    new double[] {t, t}, new double[] {min - pad, max + pad});
            mark.setShowInLegend(i == 0);
            mark.setMarker(SeriesMarkers.NONE);
            mark.setLineColor(Color.GRAY);
            mark.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    // ----------------------------------------------------------------------------------------- helpers

    /**
     * A chart whose y values are log10 of the plotted norms: a linear axis in decades reads better than
     * XChart's log axis when the curves span 70 decades (the vanishing RNN).
     */
    private static XYChart log10Chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setXAxisMin(0.0); // round tick values
        tensOnly(chart);
        return chart;
    }

    /** XChart puts a tick at every few integer steps: label only the multiples of ten. */
    private static void tensOnly(XYChart chart) {
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x % 10) < 1e-9 ? String.format(Locale.ROOT, "%.0f", x) : "");
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setSeriesColors(PALETTE);
    }

    /**
     * Adds log10 of the points with a positive, finite y (zero has no logarithm: an error that is exactly
     * zero, as the truncated rule's on the hidden outputs, is left out); null if no point is left.
     */
    private static XYSeries addLog10(XYChart chart, String name, double[] x, double[] y, Color color) {
        int n = 0;
        for (double v : y) {
            if (v > 0 && Double.isFinite(v)) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                px[k] = x[i];
                py[k++] = Math.log10(y[i]);
            }
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(2.5f);
        s.setLineColor(color);
        s.setMarkerColor(color);
        return s;
    }

    /** Widens the y axis of a log10 chart to at least {@code decades}, centred on its data. */
    private static void atLeastDecades(XYChart chart, double decades) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double y : s.getYData()) {
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        if (min <= max && max - min < decades) {
            double centre = (min + max) / 2;
            chart.getStyler().setYAxisMin(Math.floor(centre - decades / 2));
            chart.getStyler().setYAxisMax(Math.ceil(centre + decades / 2));
        }
    }

    /** The points with a positive y, for a log axis; null if there are none. */
    private static XYSeries addPositive(XYChart chart, String name, double[] x, double[] y) {
        int n = (int) java.util.Arrays.stream(y).filter(v -> v > 0).count();
        if (n == 0) {
            return null;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                px[k] = x[i];
                py[k++] = y[i];
            }
        }
        return chart.addSeries(name, px, py);
    }

    private static double[] lags(FlowCurve c) {
        double[] x = new double[c.maxLag() + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] stateNorms(FlowCurve c) {
        double[] y = new double[c.maxLag() + 1];
        for (int lag = 0; lag < y.length; lag++) {
            y[lag] = c.stateNorm(lag);
        }
        return y;
    }

    /** Writes the panels side by side as a PNG and an SVG beside it (see {@link ChartFiles}). */
    private static List<Path> save(List<XYChart> charts, Path file) {
        return ChartFiles.write(charts, file);
    }
}
