package org.lstmrepro.reports.render;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BoxSeries;
import org.knowm.xchart.style.BoxStyler;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * One task's test MSE per model as box plots, in the style of Greff et al. (2015, Fig. 3): box from the
 * first to the third quartile (same estimate as the tables), line at the median, whiskers to the
 * furthest point within 1.5 inter-quartile ranges. Log axis when the values span more than two decades.
 */
final class TestMseBoxChart {

    /**
     * XChart places the third quartile at position 0.75 (n + 1) (method N_PLUS_1), which lies beyond
     * the data for n < 3 and makes it throw: a model needs this many test MSEs for a box. Models with
     * fewer stay in the tables, not in the plot.
     */
    static final int MIN_VALUES_PER_BOX = 3;

    private TestMseBoxChart() {
    }

    /**
     * The chart, or empty when no model has {@value #MIN_VALUES_PER_BOX} test MSEs on this task, or all
     * test MSEs are equal.
     */
    static Optional<BoxChart> of(String taskLabel, Map<String, List<TrialRecord>> byModel,
                                 Map<String, Color> colours) {
        BoxChart chart = new BoxChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Test MSE per model: " + taskLabel).xAxisTitle("model").yAxisTitle("test MSE").build();
        BoxStyler styler = chart.getStyler();
        Charts.style(styler);
        styler.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_PLUS_1);
        styler.setLegendVisible(false);
        styler.setXAxisLabelRotation(byModel.size() > 5 ? 30 : 0);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean any = false;
        for (var e : byModel.entrySet()) {
            double[] mse = Outcomes.testMse(e.getValue());
            if (mse.length < MIN_VALUES_PER_BOX) {
                continue;
            }
            BoxSeries s = chart.addSeries(e.getKey() + " (n=" + mse.length + ")", mse);
            s.setFillColor(lighter(colours.get(e.getKey())));
            s.setLineColor(colours.get(e.getKey()));
            min = Math.min(min, Arrays.stream(mse).min().orElseThrow());
            max = Math.max(max, Arrays.stream(mse).max().orElseThrow());
            any = true;
        }
        if (any && min > 0 && max / min > 100) {
            styler.setYAxisLogarithmic(true);
            styler.setYAxisLogarithmicDecadeOnly(true);
            styler.setYAxisDecimalPattern(Charts.LOG_TICKS); // one format for every tick
            chart.setYAxisTitle("test MSE (log scale)");
        } else {
            styler.setYAxisDecimalPattern("0.####");
        }
        // every trial at the same value: nothing to show, and XChart draws an empty plot for a zero range
        return any && min < max ? Optional.of(chart) : Optional.empty();
    }

    private static Color lighter(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }
}
