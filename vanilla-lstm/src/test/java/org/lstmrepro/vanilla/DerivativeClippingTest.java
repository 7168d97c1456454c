package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lstmrepro.vanilla.Fixtures.H;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;
import static org.lstmrepro.vanilla.Fixtures.T;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;

/**
 * Graves (2013) derivative clipping: dE/d(z̄, ī, f̄, ō) clipped to [-L, L] during the backward pass.
 */
class DerivativeClippingTest {

    private static VanillaLstm network(Variant variant, double limit) {
        VanillaLstm net = new VanillaLstm(VanillaConfig.of(I, H, K, variant).withDerivativeClip(limit),
                RandomStream.root(81));
        Fixtures.randomise(net.parameters(), RandomStream.root(82), 0.6);
        return net;
    }

    private static Sequence sequence() {
        return Fixtures.sequence(RandomStream.root(83), T, I, K, true, Fixtures.LINEAR);
    }

    private static double[][] gradient(VanillaLstm net, Sequence s) {
        net.parameters().zeroGradients();
        new FullBptt(net).accumulate(s, StepObserver.NONE, GradientListener.NONE);
        return Fixtures.gradients(net.parameters());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aTinyLimitBoundsEveryNetInputDeltaAndChangesTheGradient(Variant variant) {
        double limit = 1e-3;
        VanillaLstm clipped = network(variant, limit);
        VanillaLstm plain = network(variant, VanillaConfig.NO_DERIVATIVE_CLIP);
        Sequence s = sequence();

        // the backward pass by hand, reading the net-input deltas δ_t = (δī, δf̄, δz̄, δō)_t of each step
        Trajectory trajectory = clipped.newTrajectory(T);
        for (int t = 0; t < T; t++) {
            clipped.forwardStep(trajectory, t, s.inputs()[t]);
        }
        double[] carry = new double[clipped.carrySize()];
        double[] outputDelta = new double[K];
        double largest = 0;
        clipped.parameters().zeroGradients();
        for (int t = T - 1; t >= 0; t--) {
            clipped.outputUnits().lossAndDelta(clipped.output(trajectory, t), s.targets()[t], outputDelta);
            clipped.backwardStep(trajectory, t, outputDelta, carry);
            for (double d : ((LstmTrajectory) trajectory).deltaNet.data) {
                assertThat(Math.abs(d)).as("step %d", t).isLessThanOrEqualTo(limit);
                largest = Math.max(largest, Math.abs(d));
            }
        }
        assertThat(largest).as("some delta reached the limit").isEqualTo(limit);
        // δb = Σ_t δ_t: every bias derivative is within T L, whatever the weights
        for (double gb : clipped.parameters().get(VanillaLstm.BIAS).gradient()) {
            assertThat(Math.abs(gb)).isLessThanOrEqualTo(T * limit);
        }
        double[][] withClip = Fixtures.gradients(clipped.parameters());
        double[][] without = gradient(plain, s);
        assertThat(withClip[0]).as("weight_ih").isNotEqualTo(without[0]);
        // the output layer's gradient does not pass through the LSTM layer's net inputs
        int last = withClip.length - 1;
        assertThat(withClip[last]).as("output.bias").containsExactly(without[last]);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aHugeLimitChangesNothing(Variant variant) {
        Sequence s = sequence();
        double[][] withClip = gradient(network(variant, 1e6), s);
        double[][] without = gradient(network(variant, VanillaConfig.NO_DERIVATIVE_CLIP), s);
        assertThat(withClip).isDeepEqualTo(without);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void aLimitMustBeZeroOrPositiveAndFinite(double limit) {
        assertThatThrownBy(() -> VanillaConfig.of(I, H, K, Variant.VANILLA).withDerivativeClip(limit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("derivativeClip");
    }
}
