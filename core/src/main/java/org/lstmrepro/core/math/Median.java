package org.lstmrepro.core.math;

import java.util.Arrays;

/**
 * The median of a sample: the middle value of the sorted sample, or the mean of the two middle values
 * when the sample has an even number of values. The one definition every table, report and benchmark
 * of the project uses.
 */
public final class Median {

    private Median() {
    }

    /** The median of {@code values} (not modified). */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of an empty sample");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return ofSorted(v);
    }

    /** The median of values already sorted in ascending order. */
    public static double ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("the median of an empty sample");
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
