package org.lstmrepro.reports.analysis;

import java.util.Arrays;

import org.lstmrepro.core.random.RandomStream;

/**
 * A binary regression tree with axis-aligned splits {@code x[feature] <= threshold}, each leaf
 * predicting the mean of its training targets (CART, least squares). Stored as flat arrays, nodes in
 * creation order, node 0 the root.
 *
 * <p>Grown as in a random forest (Breiman 2001): at each node a random subset of {@code tryFeatures}
 * features is searched for the split that most reduces the squared error, thresholds halfway between
 * consecutive distinct values; a node stops splitting below {@code 2 * minLeaf} samples, when no split
 * leaves {@code minLeaf} on both sides, or when its targets are all equal.
 */
public final class RegressionTree {

    /** -1 for a leaf. */
    private int[] feature = new int[16];
    private double[] threshold = new double[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    /** The node's mean target (the prediction at a leaf). */
    private double[] value = new double[16];
    private int size;

    private RegressionTree() {
    }

    /**
     * Grows a tree on the rows {@code rows} of {@code x} (repeats allowed: a bootstrap sample).
     *
     * @param x           [n][d] inputs
     * @param y           [n] targets
     * @param rows        which rows to grow on
     * @param tryFeatures features tried per split (1..d)
     * @param minLeaf     smallest leaf
     * @param rng         picks the features tried
     */
    static RegressionTree grow(double[][] x, double[] y, int[] rows, int tryFeatures, int minLeaf, RandomStream rng) {
        RegressionTree t = new RegressionTree();
        t.split(x, y, rows.clone(), tryFeatures, minLeaf, rng);
        return t;
    }

    /** Builds a tree from explicit nodes (for tests): parallel arrays as stored, -1 feature = leaf. */
    static RegressionTree of(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
        RegressionTree t = new RegressionTree();
        t.feature = feature.clone();
        t.threshold = threshold.clone();
        t.left = left.clone();
        t.right = right.clone();
        t.value = value.clone();
        t.size = feature.length;
        return t;
    }

    private int split(double[][] x, double[] y, int[] rows, int tryFeatures, int minLeaf, RandomStream rng) {
        int node = newNode();
        int n = rows.length;
        double sum = 0;
        for (int r : rows) {
            sum += y[r];
        }
        value[node] = sum / n;
        feature[node] = -1;
        if (n < 2 * minLeaf) {
            return node;
        }
        int d = x[0].length;
        int[] features = pick(d, tryFeatures, rng);
        double parentSse = 0;
        for (int r : rows) {
            parentSse += (y[r] - value[node]) * (y[r] - value[node]);
        }
        if (parentSse <= 1e-12 * Math.max(1, value[node] * value[node]) * n) {
            return node;
        }
        double bestSse = parentSse;
        int bestFeature = -1;
        double bestThreshold = 0;
        Integer[] order = new Integer[n];
        for (int f : features) {
            for (int i = 0; i < n; i++) {
                order[i] = rows[i];
            }
            final int ff = f;
            Arrays.sort(order, (a, b) -> Double.compare(x[a][ff], x[b][ff]));
            double leftSum = 0;
            double leftSq = 0;
            double totalSq = 0;
            for (int r : rows) {
                totalSq += y[r] * y[r];
            }
            for (int i = 0; i < n - 1; i++) {
                double v = y[order[i]];
                leftSum += v;
                leftSq += v * v;
                int nl = i + 1;
                int nr = n - nl;
                if (nl < minLeaf || nr < minLeaf || x[order[i]][f] == x[order[i + 1]][f]) {
                    continue;
                }
                double rightSum = sum - leftSum;
                double sse = (leftSq - leftSum * leftSum / nl) + (totalSq - leftSq - rightSum * rightSum / nr);
                if (sse < bestSse - 1e-12) {
                    bestSse = sse;
                    bestFeature = f;
                    bestThreshold = 0.5 * (x[order[i]][f] + x[order[i + 1]][f]);
                }
            }
        }
        if (bestFeature < 0) {
            return node;
        }
        int nl = 0;
        for (int r : rows) {
            if (x[r][bestFeature] <= bestThreshold) {
                nl++;
            }
        }
        int[] l = new int[nl];
        int[] rr = new int[n - nl];
        int a = 0;
        int b = 0;
        for (int r : rows) {
            if (x[r][bestFeature] <= bestThreshold) {
                l[a++] = r;
            } else {
                rr[b++] = r;
            }
        }
        feature[node] = bestFeature;
        threshold[node] = bestThreshold;
        int leftChild = split(x, y, l, tryFeatures, minLeaf, rng);
        int rightChild = split(x, y, rr, tryFeatures, minLeaf, rng);
        left[node] = leftChild;
        right[node] = rightChild;
        return node;
    }

    private static int[] pick(int d, int k, RandomStream rng) {
        int[] all = new int[d];
        for (int i = 0; i < d; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(d - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, k);
    }

    private int newNode() {
        if (size == feature.length) {
            int c = size * 2;
            feature = Arrays.copyOf(feature, c);
            threshold = Arrays.copyOf(threshold, c);
            left = Arrays.copyOf(left, c);
            right = Arrays.copyOf(right, c);
            value = Arrays.copyOf(value, c);
        }
        return size++;
    }

    /** The prediction at {@code x}. */
    public double predict(double[] x) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    /** Nodes in the tree. */
    public int nodes() {
        return size;
    }

    /**
     * Every leaf as a box inside {@code [lower, upper]}: calls {@code visitor} with the box's corners
     * and the leaf's value.
     */
    void leaves(double[] lower, double[] upper, LeafVisitor visitor) {
        visit(0, lower.clone(), upper.clone(), visitor);
    }

    private void visit(int node, double[] lo, double[] hi, LeafVisitor visitor) {
        if (feature[node] < 0) {
            visitor.leaf(lo, hi, value[node]);
            return;
        }
        int f = feature[node];
        double t = threshold[node];
        double oldHi = hi[f];
        double oldLo = lo[f];
        if (t > lo[f]) {
            hi[f] = Math.min(oldHi, t);
            visit(left[node], lo, hi, visitor);
            hi[f] = oldHi;
        }
        if (t < hi[f]) {
            lo[f] = Math.max(oldLo, t);
            visit(right[node], lo, hi, visitor);
            lo[f] = oldLo;
        }
    }

    /** Receives the leaves of a tree as boxes (arrays reused between calls: copy what you keep). */
    interface LeafVisitor {
        void leaf(double[] lower, double[] upper, double value);
    }
}
