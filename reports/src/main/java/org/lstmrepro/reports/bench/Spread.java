package org.lstmrepro.reports.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.lstmrepro.core.math.Median;

/**
 * Median, minimum and maximum of a figure over the repetitions.
 */
public record Spread(double median, double min, double max) {

    public static <T> Spread of(List<T> items, ToDoubleFunction<T> figure) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] v = items.stream().mapToDouble(figure).sorted().toArray();
        return new Spread(Median.ofSorted(v), v[0], v[v.length - 1]);
    }

    /** (max - min) / median: the relative width of the range. */
    public double relativeRange() {
        return (max - min) / median;
    }

}
