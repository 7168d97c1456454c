package org.lstmrepro.reports.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Median, minimum and maximum of a figure over the repetitions.
 */
public record Spread(double median, double min, double max) {

    public static <T> Spread of(List<T> items, ToDoubleFunction<T> figure) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] v = items.stream().mapToDouble(figure).sorted().toArray();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1]);
    }

    /** (max - min) / median: the relative width of the range. */
    public double relativeRange() {
        return (max - min) / median;
    }

}
