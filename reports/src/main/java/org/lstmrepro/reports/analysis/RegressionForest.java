package org.lstmrepro.reports.analysis;

import java.util.ArrayList;
import java.util.List;

import org.lstmrepro.core.random.RandomStream;

/**
 * A bagged forest of regression trees (Breiman 2001): each tree grown on a bootstrap sample of the
 * rows, searching every feature at each split; the forest predicts the mean of its trees. Our own (the Java forests on Maven Central are GPL-licensed or do not expose their trees),
 * small, and deterministic for a seed. It is the surrogate model fANOVA decomposes ({@link Fanova}).
 *
 * @param trees the trees
 */
public record RegressionForest(List<RegressionTree> trees) {

    /** Trees in a forest unless told otherwise (as in Hutter, Hoos and Leyton-Brown 2014's experiments). */
    public static final int DEFAULT_TREES = 30;

    public RegressionForest {
        trees = List.copyOf(trees);
    }

    /**
     * Fits a forest.
     *
     * @param x       [n][d] inputs, n &gt;= 2
     * @param y       [n] targets, finite
     * @param trees   number of trees
     * @param minLeaf smallest leaf
     * @param seed    the seed of the bootstrap samples and feature choices
     */
    public static RegressionForest fit(double[][] x, double[] y, int trees, int minLeaf, long seed) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a forest needs at least 2 rows with one target each, had "
                    + x.length + " rows and " + y.length + " targets");
        }
        int d = x[0].length;
        // every feature at every split: with the four hyperparameters of a search a random subset would
        // often hold none that matters and fit noise; the trees differ by their bootstrap samples
        int tryFeatures = d;
        RandomStream root = RandomStream.root(seed).derive("forest");
        List<RegressionTree> out = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            RandomStream rng = root.derive(t);
            int[] rows = new int[x.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rng.nextInt(x.length);
            }
            out.add(RegressionTree.grow(x, y, rows, tryFeatures, minLeaf, rng));
        }
        return new RegressionForest(out);
    }

    /** The mean prediction of the trees. */
    public double predict(double[] x) {
        double s = 0;
        for (RegressionTree t : trees) {
            s += t.predict(x);
        }
        return s / trees.size();
    }
}
