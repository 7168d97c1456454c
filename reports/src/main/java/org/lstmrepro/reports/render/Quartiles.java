package org.lstmrepro.reports.render;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.lstmrepro.core.math.Median;

/**
 * The first quartile, median and third quartile of a sample: the quartiles as commons-math3's default
 * {@code Percentile} estimates them (position p(n+1)/100, linear interpolation between order
 * statistics; the box plots use the same method, XChart's N_PLUS_1), the median as {@link Median}
 * (the same value: the middle one, or the mean of the two middle ones).
 */
record Quartiles(double q1, double median, double q3) {

    static Quartiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quartiles of an empty sample");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(values);
        return new Quartiles(stats.getPercentile(25), Median.of(values), stats.getPercentile(75));
    }

    /** The inter-quartile range, q3 - q1. */
    double iqr() {
        return q3 - q1;
    }
}
