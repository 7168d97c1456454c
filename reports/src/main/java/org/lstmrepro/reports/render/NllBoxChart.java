package org.lstmrepro.reports.render;

import java.awt.Color;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BoxSeries;
import org.knowm.xchart.style.BoxStyler;

/**
 * Test losses per model as box plots, as Greff et al. (2015, figure 3) show their variants: box from
 * the first to the third quartile, line at the median, whiskers to the furthest point within 1.5
 * inter-quartile ranges. A model needs {@link TestMseBoxChart#MIN_VALUES_PER_BOX} values for a box.
 */
final class NllBoxChart {

    private NllBoxChart() {
    }

    /**
     * The chart of {@code values} (model to its losses, in the order to draw), or empty when no model
     * has enough values or all are equal.
     */
    static Optional<BoxChart> of(String title, String yTitle, Map<String, double[]> values, Map<String, Color> colours) {
        BoxChart chart = new BoxChartBuilder().width(Charts.WIDTH + 240).height(Charts.HEIGHT + 60)
                .title(title).xAxisTitle("model").yAxisTitle(yTitle).build();
        BoxStyler styler = chart.getStyler();
        Charts.style(styler);
        styler.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_PLUS_1);
        styler.setLegendVisible(false);
        styler.setXAxisLabelRotation(values.size() > 5 ? 90 : 0);
        styler.setYAxisDecimalPattern("0.##");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (var e : values.entrySet()) {
            double[] v = e.getValue();
            if (v.length < TestMseBoxChart.MIN_VALUES_PER_BOX) {
                continue;
            }
            BoxSeries s = chart.addSeries(shortLabel(e.getKey()) + " (" + v.length + ")", v);
            Color c = colours.getOrDefault(e.getKey(), Color.GRAY);
            s.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            s.setLineColor(c);
            min = Math.min(min, Arrays.stream(v).min().orElseThrow());
            max = Math.max(max, Arrays.stream(v).max().orElseThrow());
        }
        if (min > 0 && max / min > LOG_SPAN) {
            // a few diverging trials (NLL in the tens) would flatten every box near 8-12 nats
            styler.setYAxisLogarithmic(true);
            styler.setYAxisLogarithmicDecadeOnly(false);
            chart.setYAxisTitle(yTitle + ", log scale");
        }
        return min < max ? Optional.of(chart) : Optional.empty();
    }

    /** Above this ratio of the largest to the smallest value the axis is logarithmic. */
    static final double LOG_SPAN = 3;

    /** The model without its rule ({@code vanilla:NFG/bptt} becomes {@code vanilla:NFG}), so 12 labels fit. */
    static String shortLabel(String model) {
        int slash = model.indexOf('/');
        return slash < 0 ? model : model.substring(0, slash);
    }
}
