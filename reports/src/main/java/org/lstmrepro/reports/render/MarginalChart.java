package org.lstmrepro.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lstmrepro.reports.analysis.GreffStudy;
import org.lstmrepro.reports.analysis.SearchDimension;

/**
 * One hyperparameter's fANOVA marginal, as Greff et al. (2015, figure 4) draw them: the predicted test
 * loss averaged over all other hyperparameters (solid), and one standard deviation over the forest's
 * trees either side (dashed). Log axis for a log-uniformly sampled hyperparameter that spans a decade.
 */
final class MarginalChart {

    private static final Color LINE = new Color(0, 114, 178);

    private MarginalChart() {
    }

    static XYChart of(GreffStudy.Marginal m, String yTitle, String what) {
        SearchDimension d = m.dimension();
        // a log axis only over at least a decade: XChart labels no tick on a shorter one
        boolean log = d.scale() == SearchDimension.Scale.LOG && d.high() >= 10 * d.low();
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH / 2 + 120).height(Charts.HEIGHT - 120)
                .title("fANOVA marginal: " + d.name() + " (" + what + ")")
                .xAxisTitle(d.name() + (log ? " (log scale)" : "")).yAxisTitle(yTitle).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(log);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setXAxisDecimalPattern(log ? null : "0.##");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        double[] x = m.x();
        double[] lower = new double[x.length];
        double[] upper = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            lower[i] = m.mean()[i] - m.std()[i];
            upper[i] = m.mean()[i] + m.std()[i];
        }
        // the momentum is sampled as 1 - log-uniform: its points run from high to low; XChart wants them sorted
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        XYSeries mean = chart.addSeries("mean over trees", sorted(x, order), sorted(m.mean(), order));
        mean.setMarker(SeriesMarkers.NONE);
        mean.setLineColor(LINE);
        mean.setLineStyle(new BasicStroke(2.5f));
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
        XYSeries lo = chart.addSeries("± 1 std over trees", sorted(x, order), sorted(lower, order));
        lo.setMarker(SeriesMarkers.NONE);
        lo.setLineColor(LINE);
        lo.setLineStyle(dashed);
        XYSeries hi = chart.addSeries(" ", sorted(x, order), sorted(upper, order));
        hi.setMarker(SeriesMarkers.NONE);
        hi.setLineColor(LINE);
        hi.setLineStyle(dashed);
        hi.setShowInLegend(false);
        return chart;
    }

    private static double[] sorted(double[] v, Integer[] order) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }
}
