package org.lstmrepro.reports.render;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for multiple comparisons (Holm 1979, "A simple sequentially rejective
 * multiple test procedure", Scand. J. Statist. 6:65-70): with the m p-values sorted ascending,
 * p(1) &le; ... &le; p(m), the adjusted value of p(i) is max over j &le; i of min(1, (m - j + 1) p(j)).
 * Rejecting where the adjusted value is below alpha controls the family-wise error rate at alpha.
 */
final class Holm {

    private Holm() {
    }

    /**
     * The adjusted p-values, in the order given. NaN entries (tests not computed) are not counted in the
     * family and stay NaN.
     */
    static double[] adjust(double[] p) {
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1.0, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }
}
