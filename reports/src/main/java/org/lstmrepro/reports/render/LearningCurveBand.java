package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * The learning curves of one model's trials on one task summarised across seeds: at each point of a
 * common grid of training sequences, the quartiles of the trials' recent training error. Curves are
 * sampled at different sequence counts, so each trial contributes its error interpolated linearly
 * between its samples on either side of the grid point; a trial that stopped earlier (solved, or out of budget) keeps its last value, so the band
 * does not narrow to the slow trials only. Non-finite errors (a diverged trial) are left out.
 *
 * @param sequences the grid of training sequences
 * @param q1        first quartile of the recent error at each grid point (NaN where no trial has a sample yet)
 * @param median    median
 * @param q3        third quartile
 * @param trials    the number of trials with a curve
 */
record LearningCurveBand(double[] sequences, double[] q1, double[] median, double[] q3, int trials) {

    /** Index of the recent training error in a learning-curve sample {@code [sequences, recentError, recentCorrect]}. */
    static final int ERROR = 1;
    /** Grid points of a band. */
    static final int GRID = 200;

    /** The band of these trials' curves, or empty when none has a sample. */
    static Optional<LearningCurveBand> of(List<TrialRecord> trials) {
        List<double[][]> curves = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrialRecord t : trials) {
            double[][] c = samples(t);
            if (c.length > 0) {
                curves.add(c);
                lo = Math.min(lo, c[0][0]);
                hi = Math.max(hi, c[c.length - 1][0]);
            }
        }
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        int n = hi > lo ? GRID : 1;
        double[] x = new double[n];
        double[] q1 = new double[n];
        double[] med = new double[n];
        double[] q3 = new double[n];
        double[] at = new double[curves.size()];
        for (int g = 0; g < n; g++) {
            x[g] = n == 1 ? lo : lo + (hi - lo) * g / (n - 1);
            int k = 0;
            for (double[][] c : curves) {
                double v = valueAt(c, x[g]);
                if (Double.isFinite(v)) {
                    at[k++] = v;
                }
            }
            if (k == 0) {
                q1[g] = med[g] = q3[g] = Double.NaN;
            } else {
                Quartiles q = Quartiles.of(Arrays.copyOf(at, k));
                q1[g] = q.q1();
                med[g] = q.median();
                q3[g] = q.q3();
            }
        }
        return Optional.of(new LearningCurveBand(x, q1, med, q3, curves.size()));
    }

    /** A trial's samples with a sequence count, sorted by it. */
    private static double[][] samples(TrialRecord t) {
        if (t.learningCurve() == null) {
            return new double[0][];
        }
        return t.learningCurve().stream().filter(s -> s != null && s.length > ERROR && Double.isFinite(s[0]))
                .sorted((a, b) -> Double.compare(a[0], b[0])).toArray(double[][]::new);
    }

    /**
     * The error at {@code x}: linear between the samples on either side, the last sample's after the
     * curve ends, NaN before it starts. Binary search for the latest sample at or before {@code x}.
     */
    private static double valueAt(double[][] curve, double x) {
        int lo = 0;
        int hi = curve.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (curve[mid][0] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Double.NaN;
        }
        if (found == curve.length - 1 || curve[found][0] == x) {
            return curve[found][ERROR];
        }
        double[] a = curve[found];
        double[] b = curve[found + 1];
        double w = (x - a[0]) / (b[0] - a[0]);
        return a[ERROR] + w * (b[ERROR] - a[ERROR]);
    }
}
