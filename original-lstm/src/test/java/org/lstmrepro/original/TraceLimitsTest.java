package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * Trace bounds ({@code weightGroups} {@code trace:L}): where they land in the network, and what the
 * generic 1997 rule does with them.
 */
class TraceLimitsTest {

    /** The adding network of the paper: 2 inputs, 2 blocks of 2 cells, 1 output, 93 weights. */
    private static Lstm1997Network adding(long seed, String groups) {
        Lstm1997Network net = new Lstm1997Network(Lstm1997Config.of(2, 2, 2, 1).withInputGateBiases(-3, -6));
        Lstm1997Initializer.initialize(net.config(), net.parameters(), RandomStream.root(seed));
        WeightGroups g = WeightGroups.parse(groups);
        g.initialize(net);
        g.applyRates(net);
        g.applyTraceLimits(net);
        return net;
    }

    /** One adding sequence of length 200 with its single target at the end. */
    private static Sequence sequence(long seed) {
        RandomStream data = RandomStream.root(seed);
        double[][] x = new double[200][2];
        for (double[] row : x) {
            row[0] = data.nextDouble(-1, 1);
        }
        x[5][1] = 1;
        x[150][1] = 1;
        double[][] d = new double[200][];
        d[199] = new double[] {0.5 + (x[5][0] + x[150][0]) / 4};
        return new Sequence(x, d);
    }

    /** The summed gradient of one sequence with the weights held fixed, per parameter. */
    private static Map<String, double[]> gradient(Lstm1997Network net, Sequence s) {
        net.parameters().zeroGradients();
        new TruncatedGradient1997(net).accumulate(s, StepObserver.NONE, t -> { });
        Map<String, double[]> out = new HashMap<>();
        for (Parameter p : net.parameters().all()) {
            out.put(p.name(), p.gradient().clone());
        }
        return out;
    }

    @Test
    void theBoundsLandOnTheSelectedWeightsOfTheTracedGroup() {
        Lstm1997Network net = adding(1, "cell.bias=trace:2;cell.gates=trace:3");
        int stride = net.sourceCount() + 1; // z = [x1, x2, c1..c4, in1, in2, out1, out2], then the bias
        double[] limits = net.traceLimits(0);
        assertThat(limits).hasSize(4 * stride);
        for (int r = 0; r < 4; r++) {
            for (int m = 0; m < stride; m++) {
                double expected = m == stride - 1 ? 2 : m >= 6 ? 3 : Double.POSITIVE_INFINITY;
                assertThat(limits[r * stride + m]).as("row %d column %d", r, m).isEqualTo(expected);
            }
        }
        assertThat(net.traceLimits(1)).isNull();
        assertThat(net.hasTraceLimits()).isTrue();
        assertThat(adding(1, "input_gate.input=trace:1").traceLimits(1)).containsSubsequence(1.0, 1.0);
        assertThat(adding(1, "constant-sources-slow").hasTraceLimits()).isFalse();
    }

    @Test
    void boundsNoTraceReachesChangeNothing() {
        Sequence s = sequence(7);
        Map<String, double[]> plain = gradient(adding(2, ""), s);
        Map<String, double[]> loose = gradient(adding(2, "cell.all=trace:1e300;input_gate.all=trace:1e300"), s);
        plain.forEach((name, g) -> assertThat(loose.get(name)).as(name).containsExactly(g));
    }

    @Test
    void aCellBiasTraceStopsAtItsBoundAndNothingElseChanges() {
        // The cell-bias trace adds q_c = y^in g'(net_c) > 0 at every step (carousel factor 1), so over 200
        // steps it passes a small bound and stays there: the bias gradient is e_s_c * L, exactly
        // proportional to L, while every other weight's gradient is untouched.
        Sequence s = sequence(8);
        Map<String, double[]> plain = gradient(adding(3, ""), s);
        Map<String, double[]> half = gradient(adding(3, "cell.bias=trace:0.05"), s);
        Map<String, double[]> one = gradient(adding(3, "cell.bias=trace:0.1"), s);
        double[] b1 = one.get("cell.bias");
        double[] bHalf = half.get("cell.bias");
        for (int c = 0; c < b1.length; c++) {
            assertThat(b1[c]).isNotZero();
            assertThat(bHalf[c]).isEqualTo(b1[c] * 0.5);
            // unclipped, the trace is near 200 * sigma(-3) = 9.5 (block 1) or 200 * sigma(-6) = 0.5 (block 2)
            assertThat(Math.abs(plain.get("cell.bias")[c])).isGreaterThan(Math.abs(b1[c]) * 2);
        }
        plain.forEach((name, g) -> {
            if (!name.equals("cell.bias")) {
                assertThat(half.get(name)).as(name).containsExactly(g);
            }
        });
    }

    @Test
    void theFusedRuleRefusesBoundsAndTheSettingNamesItsLimits() {
        assertThatThrownBy(() -> new FusedTruncatedGradient1997(adding(4, "cell.bias=trace:1")))
                .hasMessageContaining("does not clip traces");
        assertThatThrownBy(() -> WeightGroups.parse("output_gate.bias=trace:1"))
                .hasMessageContaining("needs a traced target");
        assertThatThrownBy(() -> WeightGroups.parse("cell.bias=trace:0")).hasMessageContaining("L > 0");
        assertThatThrownBy(() -> WeightGroups.parse("cell.bias=trace:-1")).hasMessageContaining("L > 0");
        assertThatThrownBy(() -> adding(4, "").setTraceLimits(0, new double[3])).hasMessageContaining("need 44 values");
    }
}
