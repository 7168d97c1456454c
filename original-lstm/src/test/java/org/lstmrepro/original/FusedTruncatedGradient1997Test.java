package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.truncated.FullBptt;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * The fused 1997 truncated gradient against the generic rule (bit for bit, also under online
 * updates that change the weights mid-sequence, and over several blocks of pending steps) and
 * against the exact gradient of the detached graph.
 */
class FusedTruncatedGradient1997Test {

    static Stream<Arguments> cases() {
        Lstm1997Config small = Fixtures.smallConfig(OutputActivation.SIGMOID);
        return Stream.concat(Stream.of(
                Arguments.of("sigmoid, last step", small, new int[] {-1}),
                Arguments.of("sigmoid, several steps", small, new int[] {1, 5, 6, 11}),
                Arguments.of("linear, every step", small.withOutputActivation(OutputActivation.LINEAR),
                        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
                Arguments.of("gates unseen, outputs see inputs",
                        small.withHiddenLayerSeesGates(false).withOutputsSeeInputs(true), new int[] {3, 11}),
                Arguments.of("3 cells per block, no hidden units", Lstm1997Config.of(2, 3, 3, 1), new int[] {-1}),
                Arguments.of("the adding network", Presets1997.get("adding").config(), new int[] {-1})), Fixtures.appendixCases());
    }

    /** Trains on three sequences with an SGD step at every target; returns the losses and the final weights and gradients. */
    private static List<double[]> trainOnline(LearningRule rule, ParameterSet p, Sequence... sequences) {
        List<double[]> out = new ArrayList<>();
        List<double[]> outputs = new ArrayList<>();
        double[] losses = new double[sequences.length];
        for (int i = 0; i < sequences.length; i++) {
            losses[i] = rule.accumulate(sequences[i], (t, y) -> outputs.add(y.clone()), t -> {
                p.applyGradientScales(); // per-weight rates and frozen weights, as the trainer applies them
                for (Parameter q : p.all()) {
                    double[] w = q.value();
                    double[] g = q.gradient();
                    for (int k = 0; k < w.length; k++) {
                        w[k] -= 0.5 * g[k];
                    }
                    q.zeroGradient();
                }
            });
        }
        out.add(losses);
        out.addAll(outputs);
        for (Parameter q : p.all()) {
            out.add(q.value().clone());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientIsTheGenericRulesBitForBit(String name, Lstm1997Config config, int[] targetSteps) {
        Lstm1997Network net = Fixtures.network(config, 0.7, 3);
        Sequence seq = Fixtures.sequence(config.inputSize(), config.outputSize(), 12, 8, targetSteps);
        net.parameters().zeroGradients();
        double generic = new TruncatedGradient1997(net).accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        double[][] expected = Fixtures.gradients(net.parameters());
        net.parameters().zeroGradients();
        double fused = new FusedTruncatedGradient1997(net).accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        assertThat(fused).isEqualTo(generic);
        assertThat(Fixtures.gradients(net.parameters())).isDeepEqualTo(expected);

        // and, like the generic rule, it is the exact gradient of the detached graph
        net.parameters().zeroGradients();
        new FullBptt(net.detached()).accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        double[][] detached = Fixtures.gradients(net.parameters());
        for (int i = 0; i < expected.length; i++) {
            assertThat(Fixtures.maxRelativeDifference(expected[i], detached[i], 1e-14)).isLessThan(1e-9);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onlineTrainingIsTheGenericRulesBitForBit(String name, Lstm1997Config config, int[] targetSteps) {
        Sequence[] data = new Sequence[3];
        for (int i = 0; i < data.length; i++) {
            data[i] = Fixtures.sequence(config.inputSize(), config.outputSize(), 12 + 3 * i, 20 + i, targetSteps);
        }
        assertOnlineTrainingIsTheGenericRules(config, 5, data);
    }

    @Test
    void weightGroupsWithFrozenWeightsGiveTheGenericRulesBitsAndStayFrozen() {
        Lstm1997Config config = Presets1997.get("adding").config();
        Sequence[] data = new Sequence[4];
        for (int i = 0; i < data.length; i++) {
            data[i] = Fixtures.sequence(2, 1, 30 + i, 40 + i, -1);
        }
        WeightGroups groups = WeightGroups.parse("no-constant-cell-sources");
        List<double[]> generic = null;
        for (boolean fused : new boolean[] {false, true}) {
            Lstm1997Network net = Fixtures.network(config, 0.7, 8);
            groups.initialize(net);
            groups.applyRates(net);
            net.parameters().zeroGradients();
            LearningRule rule = fused ? new FusedTruncatedGradient1997(net) : new TruncatedGradient1997(net);
            List<double[]> run = trainOnline(rule, net.parameters(), data);
            assertThat(net.parameters().get("cell.bias").value()).containsOnly(0.0);
            if (generic == null) {
                generic = run;
            } else {
                for (int i = 0; i < generic.size(); i++) {
                    assertThat(run.get(i)).as("entry %d", i).isEqualTo(generic.get(i));
                }
            }
        }
    }

    /** Two copies of one network trained online on {@code data}, by the generic and the fused rule: the same bits. */
    private static void assertOnlineTrainingIsTheGenericRules(Lstm1997Config config, long seed, Sequence... data) {
        Lstm1997Network a = Fixtures.network(config, 0.7, seed);
        Lstm1997Network b = Fixtures.network(config, 0.7, seed);
        a.parameters().zeroGradients();
        b.parameters().zeroGradients();
        List<double[]> generic = trainOnline(new TruncatedGradient1997(a), a.parameters(), data);
        List<double[]> fused = trainOnline(new FusedTruncatedGradient1997(b), b.parameters(), data);
        assertThat(fused).hasSameSizeAs(generic);
        for (int i = 0; i < generic.size(); i++) {
            assertThat(fused.get(i)).as("entry %d", i).isEqualTo(generic.get(i));
        }
    }

    @Test
    void longSequencesAcrossSeveralBlocksOfPendingSteps() {
        // targets just before, at and after the block boundaries; 2C and N not multiples of the tile
        Lstm1997Config config = Lstm1997Config.of(3, 3, 1, 2).withHiddenUnits(1);
        int steps = 3 * FusedTruncatedGradient1997.BLOCK + 5;
        int[] targetSteps = {FusedTruncatedGradient1997.BLOCK - 1, FusedTruncatedGradient1997.BLOCK,
                2 * FusedTruncatedGradient1997.BLOCK + 3, -1};
        Sequence[] data = {Fixtures.sequence(3, 2, steps, 31, targetSteps), Fixtures.sequence(3, 2, steps - 7, 32, -1)};
        assertOnlineTrainingIsTheGenericRules(config, 6, data);
    }

    @Test
    void reportsEveryTargetAndRestartsItsTracesPerSequence() {
        Lstm1997Network net = Fixtures.network(Fixtures.smallConfig(OutputActivation.SIGMOID), 0.7, 3);
        Sequence seq = Fixtures.sequence(3, 2, 12, 8, 1, 5, 11);
        FusedTruncatedGradient1997 rule = new FusedTruncatedGradient1997(net);
        List<Integer> ready = new ArrayList<>();
        net.parameters().zeroGradients();
        rule.accumulate(seq, StepObserver.NONE, ready::add);
        assertThat(ready).containsExactly(1, 5, 11);
        double[][] first = Fixtures.gradients(net.parameters());
        net.parameters().zeroGradients();
        rule.accumulate(seq, StepObserver.NONE, GradientListener.NONE);
        assertThat(Fixtures.gradients(net.parameters())).isDeepEqualTo(first);
        assertThat(rule.id()).isEqualTo(TruncatedGradient1997.ID);
        assertThat(rule.network()).isSameAs(net);
    }

    /**
     * One-hot inputs (Experiment 2c's shape: p + 4 symbols; here 54 and 7, neither a multiple of the
     * tile), where the network sums only the non-zero inputs and the fused rule adds only the trace
     * columns of inputs that were on: still the generic rule's bits, under online updates and across
     * several blocks of pending steps, with and without biases held at 0 (2c's preset).
     */
    @Test
    void oneHotInputsGiveTheGenericRulesBits() {
        int steps = 3 * FusedTruncatedGradient1997.BLOCK + 9;
        for (int inputs : new int[] {54, 7}) {
            Lstm1997Config config = Lstm1997Config.of(inputs, 2, 1, 2);
            Sequence[] data = {
                    Fixtures.oneHotSequence(inputs, 2, steps, 41, FusedTruncatedGradient1997.BLOCK, -1),
                    Fixtures.oneHotSequence(inputs, 2, steps - 5, 42, -1),
                    Fixtures.oneHotSequence(inputs, 2, 9, 43, 2, -1)};
            assertOnlineTrainingIsTheGenericRules(config, 9, data);
            double[][] generic = null;
            for (boolean fused : new boolean[] {false, true}) {
                Lstm1997Network net = Fixtures.network(config, 0.2, 10);
                WeightGroups.parse("no-biases").initialize(net);
                net.parameters().zeroGradients();
                LearningRule rule = fused ? new FusedTruncatedGradient1997(net) : new TruncatedGradient1997(net);
                rule.accumulate(data[0], StepObserver.NONE, GradientListener.NONE);
                double[][] g = Fixtures.gradients(net.parameters());
                if (!fused) {
                    generic = g;
                } else {
                    assertThat(g).isDeepEqualTo(generic);
                }
            }
        }
    }

    /**
     * The net inputs of a step with one-hot inputs are the dense sum {@code b_u + sum_m w_um z_m} taken
     * in source order with fused multiply-adds over every source, zeros included, to the bit (restated
     * here from (M1), independently of the network's sparse loop): the gates' activations are f of it.
     */
    @Test
    void sparseNetInputsAreTheDenseSumsBits() {
        Lstm1997Config config = Lstm1997Config.of(54, 2, 1, 2);
        Lstm1997Network net = Fixtures.network(config, 0.2, 11);
        Sequence seq = Fixtures.oneHotSequence(54, 2, 12, 44, -1);
        var tr = net.newTrajectory(seq.length());
        Lstm1997Layout layout = net.layout();
        double[] a = new double[layout.units()];
        double[] previous = new double[layout.units()];
        double[] w = net.parameters().get("input_gate.weight").value();
        double[] b = net.parameters().get("input_gate.bias").value();
        int n = layout.sources();
        for (int t = 0; t < seq.length(); t++) {
            net.forwardStep(tr, t, seq.inputs()[t]);
            net.activations(tr, t, a);
            double[] z = new double[n];
            System.arraycopy(seq.inputs()[t], 0, z, 0, layout.inputs());
            System.arraycopy(previous, 0, z, layout.inputs(), layout.recurrentSources());
            for (int j = 0; j < layout.blocks(); j++) {
                double sum = b[j];
                for (int m = 0; m < n; m++) {
                    sum = Math.fma(w[j * n + m], z[m], sum);
                }
                assertThat(a[layout.inputGateOffset() + j]).as("y^in_%d(%d)", j, t)
                        .isEqualTo(org.lstmrepro.core.math.Exponential.sigmoid(sum));
            }
            System.arraycopy(a, 0, previous, 0, a.length);
        }
    }
}
