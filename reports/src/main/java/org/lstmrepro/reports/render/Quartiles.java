package org.lstmrepro.reports.render;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The first quartile, median and third quartile of a sample, as commons-math3's default
 * {@code Percentile} estimates them (position p(n+1)/100, linear interpolation between order
 * statistics; the box plots use the same method, XChart's N_PLUS_1).
 */
record Quartiles(double q1, double median, double q3) {

    static Quartiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quartiles of an empty sample");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(values);
        return new Quartiles(stats.getPercentile(25), stats.getPercentile(50), stats.getPercentile(75));
    }

    /** The inter-quartile range, q3 - q1. */
    double iqr() {
        return q3 - q1;
    }
}
