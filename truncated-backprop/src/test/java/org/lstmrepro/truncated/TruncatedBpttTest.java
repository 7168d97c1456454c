package org.lstmrepro.truncated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.random.RandomStream;

/** Truncated BPTT(k1, k2) on a one-unit linear network, against closed-form window sums. */
class TruncatedBpttTest {

    private static final int T = 17;

    private final ScalarRnn net = new ScalarRnn(0.9, 0.7);
    private final Sequence seq = sequence();

    private static Sequence sequence() {
        RandomStream r = RandomStream.root(4);
        double[][] x = new double[T][1];
        double[][] d = new double[T][];
        for (int t = 0; t < T; t++) {
            x[t][0] = r.nextDouble(-1, 1);
            if (t % 3 == 1 || t == T - 1) {
                d[t] = new double[] {r.nextDouble(-1, 1)};
            }
        }
        return new Sequence(x, d);
    }

    /**
     * dE/dw and dE/du of BPTT(k1; k2) written out: the error at step s, e_s = y_s - d_s, is injected in
     * the window that ends at E(s), the first multiple-of-k1 boundary at or after s (or T - 1), and flows
     * back to the window start S = max(0, E - k2 + 1); since y_s = sum_tau w^(s - tau) u x(tau),
     * dy_s/dw over the window is sum_{tau = S..s} w^(s - tau) h(tau - 1) and dy_s/du is
     * sum_{tau = S..s} w^(s - tau) x(tau).
     */
    private double[] closedForm(int k1, int k2) {
        double w = net.w.value()[0];
        double u = net.u.value()[0];
        double[] h = new double[T];
        for (int t = 0; t < T; t++) {
            h[t] = (t == 0 ? 0 : w * h[t - 1]) + u * seq.inputs()[t][0];
        }
        double gw = 0;
        double gu = 0;
        for (int s = 0; s < T; s++) {
            if (!seq.hasTarget(s)) {
                continue;
            }
            double e = h[s] - seq.targets()[s][0];
            int end = Math.min(((s / k1) + 1) * k1 - 1, T - 1);
            int start = Math.max(0, end - k2 + 1);
            for (int tau = start; tau <= s; tau++) {
                double decay = Math.pow(w, s - tau);
                gw += e * decay * (tau == 0 ? 0 : h[tau - 1]);
                gu += e * decay * seq.inputs()[tau][0];
            }
        }
        return new double[] {gw, gu};
    }

    private double[] gradientOf(org.lstmrepro.core.learn.LearningRule rule) {
        net.parameters().zeroGradients();
        rule.accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        return new double[] {net.w.gradient()[0], net.u.gradient()[0]};
    }

    @Test
    void theToyNetworksFullBpttIsRight() {
        gradientOf(new FullBptt(net));
        GradientCheck.Result r = GradientCheck.against(net.parameters(), p -> net.forward(seq, StepObserver.NONE));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-8);
        assertThat(gradientOf(new FullBptt(net))).containsExactly(closedForm(T, T), org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest(name = "k1 = {0}, k2 = {1}")
    @CsvSource({"1, 1", "1, 4", "3, 3", "3, 5", "4, 9", "5, 16", "17, 17"})
    void matchesTheClosedFormWindowSums(int k1, int k2) {
        double[] expected = closedForm(k1, k2);
        double[] actual = gradientOf(new TruncatedBptt(net, k1, k2));
        assertThat(actual[0]).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(actual[1]).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void oneWindowOverTheSequenceIsFullBpttExactlyAndShortOnesAreNot() {
        double[] full = gradientOf(new FullBptt(net));
        assertThat(gradientOf(new TruncatedBptt(net, T, T))).containsExactly(full);
        assertThat(gradientOf(new TruncatedBptt(net, T + 5, 40))).containsExactly(full);
        assertThat(Math.abs(gradientOf(new TruncatedBptt(net, 2, 3))[0] - full[0])).isGreaterThan(1e-3);
    }

    @Test
    void rejectsBadWindows() {
        assertThatThrownBy(() -> new TruncatedBptt(net, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k1").hasMessageContaining("at least 1, was 0");
        assertThatThrownBy(() -> new TruncatedBptt(net, 4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k2").hasMessageContaining("at least k1 = 4, was 3");
    }
}
