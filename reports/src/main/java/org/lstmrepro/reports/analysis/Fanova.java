package org.lstmrepro.reports.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Functional analysis of variance of a random forest (Hutter, Hoos and Leyton-Brown 2014, "An
 * Efficient Approach for Assessing Hyperparameter Importance", ICML), the analysis Greff et al. (2015,
 * section on hyperparameter importance, figures 4 and 5) apply to their random search.
 *
 * <p>Each tree is a piecewise-constant function f on the box {@code [lower, upper]}, one constant per
 * leaf. Under the uniform distribution on the box (the random search's distribution when the inputs
 * are the sampled, e.g. log-scaled, coordinates) f decomposes exactly into
 * {@code f(x) = f_0 + sum_i f_i(x_i) + sum_{i<j} f_ij(x_i, x_j) + ...}, with
 * {@code f_0 = E f}, {@code f_i(x_i) = a_i(x_i) - f_0} and {@code f_ij = a_ij - f_i - f_j - f_0}, where
 * {@code a_U(x_U) = E[f | x_U]} is the marginal of the variables U (the average over all the others).
 * The variance of f splits into the variances {@code V_U} of these components; the importance of U
 * is {@code V_U / V}. Everything is computed exactly from the leaves: along each variable the tree is
 * constant between consecutive split points, so the marginals are sums over leaves weighted by their
 * volume in the other variables.
 *
 * <p>As in the paper, fractions are computed per tree and averaged over the trees (trees that are
 * constant, V = 0, are left out), and a marginal's band is its mean ± one standard deviation over
 * the trees.
 */
public final class Fanova {

    private final double[] lower;
    private final double[] upper;
    private final List<TreeDecomposition> trees = new ArrayList<>();

    /** A fraction of variance (or a marginal prediction): its mean and standard deviation over the trees. */
    public record Estimate(double mean, double std) {
    }

    /**
     * Decomposes every tree of the forest on the box.
     *
     * @param lower the lower corner of the configuration space (in the forest's input coordinates)
     * @param upper the upper corner; {@code upper[i] > lower[i]}
     */
    public static Fanova of(RegressionForest forest, double[] lower, double[] upper) {
        for (int i = 0; i < lower.length; i++) {
            if (!(upper[i] > lower[i])) {
                throw new IllegalArgumentException("fANOVA needs a box with upper > lower in every dimension; dimension "
                        + i + " is [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        Fanova f = new Fanova(lower.clone(), upper.clone());
        for (RegressionTree t : forest.trees()) {
            f.trees.add(new TreeDecomposition(t, f.lower, f.upper));
        }
        return f;
    }

    private Fanova(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** Dimensions of the configuration space. */
    public int dimensions() {
        return lower.length;
    }

    /** The fraction of the variance explained by variable {@code i} alone (its main effect). */
    public Estimate mainEffect(int i) {
        return over(t -> t.mainVariance(i) / t.variance);
    }

    /** The fraction of the variance explained by the interaction of {@code i} and {@code j} (beyond their main effects). */
    public Estimate pairEffect(int i, int j) {
        return over(t -> t.pairVariance(i, j) / t.variance);
    }

    /** The marginal prediction {@code a_i(x)}: the forest's output averaged over every other variable. */
    public Estimate marginal(int i, double x) {
        double[] v = new double[trees.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = trees.get(k).marginal(i, x);
        }
        return meanStd(v);
    }

    private Estimate over(java.util.function.ToDoubleFunction<TreeDecomposition> fraction) {
        double[] v = trees.stream().filter(t -> t.variance > 0).mapToDouble(fraction).toArray();
        return v.length == 0 ? new Estimate(0, 0) : meanStd(v);
    }

    private static Estimate meanStd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new Estimate(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0);
    }

    /** The exact decomposition of one tree. */
    static final class TreeDecomposition {

        /** Leaves: corners and values, volumes as fractions of the box's side per dimension. */
        private final List<double[]> leafLower = new ArrayList<>();
        private final List<double[]> leafUpper = new ArrayList<>();
        private final List<Double> leafValue = new ArrayList<>();
        private final double[] width;
        /** Per dimension: the sorted split points including the box's ends. */
        private final double[][] cuts;
        /** Per dimension: the marginal a_i on each interval between consecutive cuts. */
        private final double[][] mainMarginal;
        final double mean;
        final double variance;

        TreeDecomposition(RegressionTree tree, double[] lower, double[] upper) {
            int d = lower.length;
            width = new double[d];
            for (int j = 0; j < d; j++) {
                width[j] = upper[j] - lower[j];
            }
            tree.leaves(lower, upper, (lo, hi, v) -> {
                leafLower.add(lo.clone());
                leafUpper.add(hi.clone());
                leafValue.add(v);
            });
            cuts = new double[d][];
            for (int j = 0; j < d; j++) {
                final int jj = j;
                cuts[j] = java.util.stream.DoubleStream.concat(leafLower.stream().mapToDouble(b -> b[jj]),
                        leafUpper.stream().mapToDouble(b -> b[jj])).sorted().distinct().toArray();
            }
            double m = 0;
            for (int l = 0; l < leafValue.size(); l++) {
                m += leafValue.get(l) * volume(l, -1, -1);
            }
            mean = m;
            double v = 0;
            for (int l = 0; l < leafValue.size(); l++) {
                double dv = leafValue.get(l) - m;
                v += dv * dv * volume(l, -1, -1);
            }
            variance = v;
            mainMarginal = new double[d][];
            for (int i = 0; i < d; i++) {
                mainMarginal[i] = marginalOn(i);
            }
        }

        /** Volume fraction of leaf l in every dimension except {@code skipA} and {@code skipB}. */
        private double volume(int l, int skipA, int skipB) {
            double[] lo = leafLower.get(l);
            double[] hi = leafUpper.get(l);
            double v = 1;
            for (int j = 0; j < lo.length; j++) {
                if (j != skipA && j != skipB) {
                    v *= (hi[j] - lo[j]) / width[j];
                }
            }
            return v;
        }

        /** Index of the first cut of dimension i at or above x (the interval a leaf edge starts). */
        private int cutIndex(int i, double x) {
            int k = Arrays.binarySearch(cuts[i], x);
            return k >= 0 ? k : -k - 1;
        }

        private double[] marginalOn(int i) {
            double[] a = new double[cuts[i].length - 1];
            for (int l = 0; l < leafValue.size(); l++) {
                double w = leafValue.get(l) * volume(l, i, -1);
                int from = cutIndex(i, leafLower.get(l)[i]);
                int to = cutIndex(i, leafUpper.get(l)[i]);
                for (int k = from; k < to; k++) {
                    a[k] += w;
                }
            }
            return a;
        }

        private double intervalWeight(int i, int k) {
            return (cuts[i][k + 1] - cuts[i][k]) / width[i];
        }

        double mainVariance(int i) {
            double v = 0;
            double[] a = mainMarginal[i];
            for (int k = 0; k < a.length; k++) {
                v += intervalWeight(i, k) * (a[k] - mean) * (a[k] - mean);
            }
            return v;
        }

        double pairVariance(int i, int j) {
            int ni = cuts[i].length - 1;
            int nj = cuts[j].length - 1;
            double[][] a = new double[ni][nj];
            for (int l = 0; l < leafValue.size(); l++) {
                double w = leafValue.get(l) * volume(l, i, j);
                int fi = cutIndex(i, leafLower.get(l)[i]);
                int ti = cutIndex(i, leafUpper.get(l)[i]);
                int fj = cutIndex(j, leafLower.get(l)[j]);
                int tj = cutIndex(j, leafUpper.get(l)[j]);
                for (int k = fi; k < ti; k++) {
                    for (int q = fj; q < tj; q++) {
                        a[k][q] += w;
                    }
                }
            }
            double v = 0;
            for (int k = 0; k < ni; k++) {
                double fi = mainMarginal[i][k] - mean;
                for (int q = 0; q < nj; q++) {
                    double fj = mainMarginal[j][q] - mean;
                    double fij = a[k][q] - fi - fj - mean;
                    v += intervalWeight(i, k) * intervalWeight(j, q) * fij * fij;
                }
            }
            return v;
        }

        double marginal(int i, double x) {
            double[] c = cuts[i];
            if (x <= c[0]) {
                return mainMarginal[i][0];
            }
            if (x >= c[c.length - 1]) {
                return mainMarginal[i][mainMarginal[i].length - 1];
            }
            int k = cutIndex(i, x);
            // x in (c[k-1], c[k]] -> interval k-1 (a split sends x <= t to the left leaf)
            return mainMarginal[i][Math.max(0, k - 1)];
        }
    }
}
