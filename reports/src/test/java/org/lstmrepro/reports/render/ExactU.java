package org.lstmrepro.reports.render;

/**
 * A test oracle for the exact two-sided Mann-Whitney p-value without ties: enumerates every way to
 * split the pooled values into groups of the two sizes and counts the splits whose U is at least as far
 * from its mean n m / 2 as the observed one. Exponential, for a dozen values at most.
 */
final class ExactU {

    private ExactU() {
    }

    static double pValue(double[] a, double[] b) {
        int n = a.length;
        int total = n + b.length;
        double[] pooled = new double[total];
        System.arraycopy(a, 0, pooled, 0, n);
        System.arraycopy(b, 0, pooled, n, b.length);
        double centre = n * (double) b.length / 2;
        double observed = Math.abs(u(pooled, (1 << n) - 1) - centre);
        long extreme = 0;
        long splits = 0;
        for (int mask = 0; mask < (1 << total); mask++) {
            if (Integer.bitCount(mask) == n) {
                splits++;
                if (Math.abs(u(pooled, mask) - centre) >= observed - 1e-9) {
                    extreme++;
                }
            }
        }
        return (double) extreme / splits;
    }

    /** U of the group in {@code mask}: pairs (x in group, y outside) with x greater than y. */
    private static double u(double[] pooled, int mask) {
        double u = 0;
        for (int i = 0; i < pooled.length; i++) {
            for (int j = 0; j < pooled.length; j++) {
                if ((mask >> i & 1) == 1 && (mask >> j & 1) == 0 && pooled[i] > pooled[j]) {
                    u++;
                }
            }
        }
        return u;
    }
}
