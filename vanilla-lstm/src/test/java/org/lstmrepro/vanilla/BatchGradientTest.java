package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.lstmrepro.vanilla.Fixtures.H;
import static org.lstmrepro.vanilla.Fixtures.I;
import static org.lstmrepro.vanilla.Fixtures.K;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.FullBptt;

/**
 * Full BPTT over masked minibatches of sequences of different lengths: the batch's gradient is the
 * sum of the per-sequence gradients, and matches finite differences of the summed loss.
 */
class BatchGradientTest {

    /** Mixed lengths, not sorted, with ties and a sequence of one step. */
    private static final int[] LENGTHS = {5, 8, 1, 8, 3};

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean everyStep : new boolean[] {true, false}) {
            for (Variant v : Variant.values()) {
                cases.add(Arguments.of(v.id(), everyStep));
            }
            cases.add(Arguments.of("rnn", everyStep));
            cases.add(Arguments.of("gru", everyStep));
        }
        return cases.stream();
    }

    static BatchBpttNetwork network(String model) {
        return switch (model) {
            case "rnn" -> baseline(new SimpleRnn(BaselineConfig.of(I, H, K), RandomStream.root(21)));
            case "gru" -> baseline(new Gru(BaselineConfig.of(I, H, K), RandomStream.root(22)));
            default -> Fixtures.lstm(Variant.fromId(model), Fixtures.LINEAR, 23);
        };
    }

    private static BatchBpttNetwork baseline(BatchBpttNetwork net) {
        Fixtures.randomise(net.parameters(), RandomStream.root(24), 0.6);
        return net;
    }

    @ParameterizedTest(name = "{0}, targets at every step: {1}")
    @MethodSource("networks")
    void batchedGradientIsTheSumOfPerSequenceGradients(String model, boolean everyStep) {
        BatchBpttNetwork net = network(model);
        List<Sequence> batch = Fixtures.batch(RandomStream.root(25).derive(model), LENGTHS, everyStep, Fixtures.LINEAR);

        net.parameters().zeroGradients();
        FullBptt single = new FullBptt(net);
        double expectedLoss = 0;
        List<double[]> expectedOutputs = new ArrayList<>();
        for (Sequence s : batch) {
            expectedLoss += single.accumulate(s, (t, y) -> expectedOutputs.add(y.clone()), GradientListener.NONE);
        }
        double[][] expected = Fixtures.gradients(net.parameters());

        FullBptt rule = new FullBptt(net);
        net.parameters().zeroGradients();
        rule.accumulateBatch(batch.subList(0, 2), StepObserver.NONE); // a smaller batch first: buffers are reused
        net.parameters().zeroGradients();
        List<double[]> outputs = new ArrayList<>();
        double loss = rule.accumulateBatch(batch, (t, y) -> outputs.add(y.clone()));
        double[][] batched = Fixtures.gradients(net.parameters());

        assertThat(loss).isCloseTo(expectedLoss, withinPercentage(1e-10));
        assertThat(outputs).hasSameSizeAs(expectedOutputs);
        for (int i = 0; i < outputs.size(); i++) {
            assertThat(Fixtures.maxRelativeDifference(outputs.get(i), expectedOutputs.get(i), 1e-12)).isLessThan(1e-12);
        }
        // The batch sums the same terms in another order (over rows inside the matrix products), so
        // entries agree to round-off relative to the size of the terms: judged against each tensor's
        // largest entry, not entry by entry (a small entry that is a sum of cancelling terms keeps the
        // terms' absolute round-off).
        List<Parameter> params = net.parameters().all();
        for (int p = 0; p < params.size(); p++) {
            assertThat(maxDifferenceRelativeToLargest(batched[p], expected[p])).as(params.get(p).name())
                    .isLessThan(1e-12);
        }
    }

    /** max_i |a_i - b_i| / max_i |b_i| (or the plain difference if b is all zeros). */
    private static double maxDifferenceRelativeToLargest(double[] a, double[] b) {
        double largest = 0;
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(b[i]));
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return largest == 0 ? worst : worst / largest;
    }

    @ParameterizedTest(name = "{0}, targets at every step: {1}")
    @MethodSource("networks")
    void batchedGradientMatchesFiniteDifferencesOfTheSummedLoss(String model, boolean everyStep) {
        BatchBpttNetwork net = network(model);
        List<Sequence> batch = Fixtures.batch(RandomStream.root(26).derive(model), LENGTHS, everyStep, Fixtures.LINEAR);
        net.parameters().zeroGradients();
        new FullBptt(net).accumulateBatch(batch, StepObserver.NONE);
        // step as in Fixtures.gradientCheck; the loss sums five sequences, so its round-off (and the
        // central difference's, ulp(E) / 2e-5) is about five times that of one: the floor is too
        GradientCheck.Result r = GradientCheck.withSteps(1e-5, 5e-4).check(net.parameters(), q -> {
            double sum = 0;
            for (Sequence s : batch) {
                sum += net.forward(s, StepObserver.NONE);
            }
            return sum;
        });
        assertThat(r.weightsChecked()).isEqualTo(net.parameters().totalSize());
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
    }

    @Test
    void aBatchStepMayNotRunMoreSequencesThanTheStepBefore() {
        VanillaLstm net = Fixtures.lstm(Variant.VANILLA, Fixtures.LINEAR, 27);
        var tr = net.newBatchTrajectory(3, 4);
        net.forwardBatchStep(tr, 0, new double[3 * I], 2);
        assertThatThrownBy(() -> net.forwardBatchStep(tr, 1, new double[3 * I], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 2 ran at step 0");
        assertThatThrownBy(() -> net.forwardBatchStep(tr, 0, new double[4 * I], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 1 to 3");
        assertThatThrownBy(() -> net.forwardBatchStep(tr, 0, new double[I], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need " + 2 * I);
    }

    @Test
    void aBatchWithASequenceOfTheWrongSizeIsRefusedByName() {
        VanillaLstm net = Fixtures.lstm(Variant.VANILLA, Fixtures.LINEAR, 28);
        List<Sequence> batch = new ArrayList<>(Fixtures.batch(RandomStream.root(29), new int[] {3, 4}, true, Fixtures.LINEAR));
        batch.add(Fixtures.sequence(RandomStream.root(30), 3, I + 1, K, true, Fixtures.LINEAR));
        assertThatThrownBy(() -> new FullBptt(net).accumulateBatch(batch, StepObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence 2 of the batch");
    }
}
