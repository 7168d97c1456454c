package org.lstmrepro.reports.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for multiple comparisons (Holm 1979, "A simple sequentially rejective
 * multiple test procedure", Scand. J. Statist. 6:65-70), used by every report table that tests several
 * models against one baseline: with the m p-values sorted ascending, the j-th (1-based) becomes
 * {@code max over i <= j of min(1, (m - i + 1) p_(i))}. Rejecting where the adjusted value is below
 * alpha controls the family-wise error rate at alpha. NaN entries (tests not made) stay NaN and do not
 * count towards m.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }
}
