package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lstmrepro.vanilla.Fixtures.H;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;

/** The trajectory ring buffer and the step-by-step contract, for every network of the module. */
class TrajectoryTest {

    static Stream<BpttNetwork> networks() {
        VanillaLstm fgr = Fixtures.lstm(Variant.FGR, Fixtures.LINEAR, 71);
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(I, H, K), RandomStream.root(72));
        Gru gru = new Gru(BaselineConfig.of(I, H, K), RandomStream.root(73));
        Fixtures.randomise(rnn.parameters(), RandomStream.root(74), 0.6);
        Fixtures.randomise(gru.parameters(), RandomStream.root(75), 0.6);
        return Stream.of(fgr, rnn, gru);
    }

    private static Sequence sequence(int steps) {
        return Fixtures.sequence(RandomStream.root(76), steps, I, K, true, Fixtures.LINEAR);
    }

    private static List<double[]> forwardOutputs(BpttNetwork net, Sequence s) {
        List<double[]> out = new ArrayList<>();
        net.forward(s, (t, y) -> out.add(y.clone()));
        return out;
    }

    private static double[] gradientOf(BpttNetwork net, Sequence s) {
        net.parameters().zeroGradients();
        new FullBptt(net).accumulate(s, StepObserver.NONE, GradientListener.NONE);
        List<Double> all = new ArrayList<>();
        for (Parameter p : net.parameters().all()) {
            for (double g : p.gradient()) {
                all.add(g);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest
    @MethodSource("networks")
    void fullBpttOverALongSequenceGrowsTheTrajectoryAndAgreesWithForward(BpttNetwork net) {
        Sequence s = sequence(300); // longer than FullBptt's initial capacity of 128
        List<double[]> expected = forwardOutputs(net, s);
        List<double[]> seen = new ArrayList<>();
        net.parameters().zeroGradients();
        double loss = new FullBptt(net).accumulate(s, (t, y) -> seen.add(y.clone()), GradientListener.NONE);
        // same step losses, summed in the opposite order (FullBptt adds them on the way back)
        assertThat(loss).isCloseTo(net.forward(s, StepObserver.NONE), org.assertj.core.api.Assertions.withinPercentage(1e-12));
        for (int t = 0; t < s.length(); t++) {
            assertThat(seen.get(t)).containsExactly(expected.get(t));
        }
        assertThat(net.parameters().allGradientsFinite()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("networks")
    void aReusedRuleGivesTheSameGradientAsAFreshOne(BpttNetwork net) {
        Sequence shortSeq = sequence(5);
        Sequence longSeq = Fixtures.sequence(RandomStream.root(77), 9, I, K, false, Fixtures.LINEAR);
        double[] fresh = gradientOf(net, shortSeq);
        FullBptt rule = new FullBptt(net);
        net.parameters().zeroGradients();
        rule.accumulate(longSeq, StepObserver.NONE, GradientListener.NONE);
        net.parameters().zeroGradients();
        rule.accumulate(shortSeq, StepObserver.NONE, GradientListener.NONE);
        double[] reused = gradientOf(net, shortSeq);
        assertThat(reused).containsExactly(fresh);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void growingMidSequenceKeepsTheHeldSteps(BpttNetwork net) {
        Sequence s = sequence(12);
        List<double[]> expected = forwardOutputs(net, s);
        Trajectory tr = net.newTrajectory(3);
        for (int t = 0; t < 7; t++) {
            net.forwardStep(tr, t, s.inputs()[t]);
        }
        tr.ensureCapacity(6);
        assertThat(tr.capacity()).isGreaterThanOrEqualTo(6);
        for (int t = 4; t < 7; t++) { // the steps the capacity-3 ring held are still there
            assertThat(net.output(tr, t)).containsExactly(expected.get(t));
        }
        for (int t = 7; t < 12; t++) {
            net.forwardStep(tr, t, s.inputs()[t]);
            assertThat(net.output(tr, t)).containsExactly(expected.get(t));
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void backwardIsRefusedOutsideTheHeldWindow(BpttNetwork net) {
        Sequence s = sequence(10);
        Trajectory tr = net.newTrajectory(3);
        for (int t = 0; t < 10; t++) {
            net.forwardStep(tr, t, s.inputs()[t]);
        }
        double[] carry = new double[net.carrySize()];
        for (int t = 9; t >= 7; t--) {
            net.backwardStep(tr, t, null, carry);
        }
        assertThatThrownBy(() -> net.backwardStep(tr, 6, null, carry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backward step 6 is not held").hasMessageContaining("7 to 9");
        assertThat(net.output(tr, 6)).hasSize(K); // still held, as the state step 7 started from
        assertThatThrownBy(() -> net.output(tr, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 5 is not held");
    }

    @ParameterizedTest
    @MethodSource("networks")
    void misuseIsRefusedWithAMessage(BpttNetwork net) {
        Trajectory tr = net.newTrajectory(4);
        double[] x = new double[I];
        assertThatThrownBy(() -> net.forwardStep(tr, 1, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward step 1 must follow step 0");
        assertThatThrownBy(() -> net.forwardStep(tr, 0, new double[I + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has " + (I + 1) + " values");
        net.forwardStep(tr, 0, x);
        assertThatThrownBy(() -> net.backwardStep(tr, 0, null, new double[net.carrySize() + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carry");
        assertThatThrownBy(() -> net.backwardStep(tr, 0, new double[K + 1], new double[net.carrySize()]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output error");
        Trajectory foreign = new SimpleRnn(BaselineConfig.of(I, H, K), RandomStream.root(1)).newTrajectory(2);
        assertThatThrownBy(() -> net.forwardStep(foreign, 0, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not made by this network");
        Sequence wrongInputs = new Sequence(new double[][] {{1.0}}, new double[][] {null});
        assertThatThrownBy(() -> net.forward(wrongInputs, StepObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputs of size 1");
    }

    @Test
    void trajectoryCapacityMustBePositive() {
        VanillaLstm net = Fixtures.lstm(Variant.VANILLA, Fixtures.LINEAR, 1);
        assertThatThrownBy(() -> net.newTrajectory(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 step");
    }
}
