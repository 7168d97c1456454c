package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.lstmrepro.core.data.Sequence;

/** Checks shared by the task tests, restated from the papers independently of the generators. */
final class TaskTestSupport {

    private TaskTestSupport() {
    }

    /** The symbol index at each step of a one-hot sequence; fails unless every input is one-hot. */
    static int[] decodeOneHot(Sequence s) {
        int[] symbols = new int[s.length()];
        for (int t = 0; t < s.length(); t++) {
            double[] in = s.inputs()[t];
            int hot = -1;
            for (int k = 0; k < in.length; k++) {
                assertThat(in[k]).as("input %d at step %d", k, t).isIn(0.0, 1.0);
                if (in[k] == 1.0) {
                    assertThat(hot).as("second hot unit at step %d", t).isEqualTo(-1);
                    hot = k;
                }
            }
            assertThat(hot).as("no hot unit at step %d", t).isNotNegative();
            symbols[t] = hot;
        }
        return symbols;
    }

    /** Spells decoded symbols with the given alphabet. */
    static String spell(int[] symbols, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int s : symbols) {
            sb.append(alphabet.charAt(s));
        }
        return sb.toString();
    }

    /** Asserts that only the last step has a target, and returns it. */
    static double[] onlyLastTarget(Sequence s) {
        for (int t = 0; t < s.length() - 1; t++) {
            assertThat(s.hasTarget(t)).as("target at step %d", t).isFalse();
        }
        assertThat(s.hasTarget(s.length() - 1)).isTrue();
        return s.targets()[s.length() - 1];
    }

    /** The p-value of a chi-square test of {@code observed} against the uniform distribution. */
    static double uniformityPValue(long[] observed) {
        double[] expected = new double[observed.length];
        Arrays.fill(expected, 1.0);
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    /** The index of the single 1.0 in a one-hot vector; fails otherwise. */
    static int oneHotIndex(double[] v) {
        int hot = -1;
        for (int k = 0; k < v.length; k++) {
            assertThat(v[k]).isIn(0.0, 1.0);
            if (v[k] == 1.0) {
                assertThat(hot).as("two hot units").isEqualTo(-1);
                hot = k;
            }
        }
        assertThat(hot).as("no hot unit").isNotNegative();
        return hot;
    }
}
