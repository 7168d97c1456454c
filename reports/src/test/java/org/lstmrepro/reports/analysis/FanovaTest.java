package org.lstmrepro.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.random.RandomStream;

/** The functional ANOVA decomposition against functions whose decomposition is known exactly. */
class FanovaTest {

    /**
     * A tree for f = u + 2v + 4uv with u = [x0 > 0.3], v = [x1 > 0.5], on the box [0,1] x [0,1] x [0,2]
     * (x2 unused). Worked by hand over the four cells (u, v) with probabilities 0.15, 0.35, 0.15, 0.35
     * and values 0, 1, 2, 7: mean 3.1, E f^2 = 18.1, variance 8.49; E[f | u] = 1, 4 so V_0 = 0.3 * 2.1^2
     * + 0.7 * 0.9^2 = 1.89; E[f | v] = 0.7, 5.5 so V_1 = 2.4^2 = 5.76; the interaction is the rest,
     * V_01 = 8.49 - 1.89 - 5.76 = 0.84.
     */
    private static RegressionTree handTree() {
        return RegressionTree.of(
                new int[] {0, 1, -1, -1, 1, -1, -1},
                new double[] {0.3, 0.5, 0, 0, 0.5, 0, 0},
                new int[] {1, 2, 0, 0, 5, 0, 0},
                new int[] {4, 3, 0, 0, 6, 0, 0},
                new double[] {0, 0, 0, 2, 0, 1, 7});
    }

    private static final double[] LOWER = {0, 0, 0};
    private static final double[] UPPER = {1, 1, 2};

    @Test
    void aHandBuiltTreeDecomposesExactly() {
        Fanova f = Fanova.of(new RegressionForest(List.of(handTree())), LOWER, UPPER);
        assertThat(f.mainEffect(0).mean()).isCloseTo(1.89 / 8.49, within(1e-12));
        assertThat(f.mainEffect(1).mean()).isCloseTo(5.76 / 8.49, within(1e-12));
        assertThat(f.pairEffect(0, 1).mean()).isCloseTo(0.84 / 8.49, within(1e-12));
        assertThat(f.mainEffect(2).mean()).isCloseTo(0, within(1e-15));
        assertThat(f.pairEffect(0, 2).mean()).isCloseTo(0, within(1e-15));
        assertThat(f.pairEffect(1, 2).mean()).isCloseTo(0, within(1e-15));
    }

    @Test
    void marginalsAverageOverTheOtherVariables() {
        Fanova f = Fanova.of(new RegressionForest(List.of(handTree(), handTree())), LOWER, UPPER);
        assertThat(f.marginal(0, 0.2).mean()).isCloseTo(1.0, within(1e-12));
        assertThat(f.marginal(0, 0.3).mean()).as("x <= threshold goes left").isCloseTo(1.0, within(1e-12));
        assertThat(f.marginal(0, 0.9).mean()).isCloseTo(4.0, within(1e-12));
        assertThat(f.marginal(1, 0.1).mean()).isCloseTo(0.7, within(1e-12));
        assertThat(f.marginal(1, 0.7).mean()).isCloseTo(5.5, within(1e-12));
        assertThat(f.marginal(2, 1.5).mean()).isCloseTo(3.1, within(1e-12));
        assertThat(f.marginal(1, 0.7).std()).isEqualTo(0);
    }

    @Test
    void aConstantTreeExplainsNothing() {
        RegressionTree flat = RegressionTree.of(new int[] {-1}, new double[] {0}, new int[] {0}, new int[] {0},
                new double[] {5});
        Fanova f = Fanova.of(new RegressionForest(List.of(flat)), LOWER, UPPER);
        assertThat(f.mainEffect(0).mean()).isEqualTo(0);
    }

    /**
     * A forest fitted to samples of f = x0 + 2 x1 + 3 (x0 - 1/2)(x1 - 1/2), x uniform on the unit cube,
     * x2 irrelevant. Exactly: V_0 = 1/12, V_1 = 4/12, V_01 = 9/144, total 69/144, so the fractions are
     * 12/69, 48/69 and 9/69; the forest's piecewise-constant fit recovers them approximately.
     */
    @Test
    void aForestFittedToASmoothFunctionRecoversItsDecomposition() {
        RandomStream rng = RandomStream.root(11);
        int n = 1500;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextDouble();
            }
            y[i] = x[i][0] + 2 * x[i][1] + 3 * (x[i][0] - 0.5) * (x[i][1] - 0.5);
        }
        RegressionForest forest = RegressionForest.fit(x, y, 20, 3, 5);
        Fanova f = Fanova.of(forest, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertThat(f.mainEffect(0).mean()).isCloseTo(12.0 / 69, within(0.04));
        assertThat(f.mainEffect(1).mean()).isCloseTo(48.0 / 69, within(0.05));
        assertThat(f.pairEffect(0, 1).mean()).isCloseTo(9.0 / 69, within(0.04));
        assertThat(f.mainEffect(2).mean()).isLessThan(0.01);
        assertThat(f.marginal(1, 0.9).mean()).isCloseTo(0.5 + 1.8, within(0.1));
    }

    @Test
    void theForestIsDeterministicForASeedAndFitsItsData() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}};
        double[] y = {0, 0, 0, 0, 10, 10, 10, 10};
        RegressionForest a = RegressionForest.fit(x, y, 5, 1, 3);
        RegressionForest b = RegressionForest.fit(x, y, 5, 1, 3);
        for (double[] row : x) {
            assertThat(a.predict(row)).isEqualTo(b.predict(row));
        }
        RegressionTree single = RegressionTree.grow(x, y, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 1, 1, RandomStream.root(1));
        assertThat(single.predict(new double[] {2})).isEqualTo(0);
        assertThat(single.predict(new double[] {5})).isEqualTo(10);
        assertThat(single.nodes()).isEqualTo(3);
    }
}
