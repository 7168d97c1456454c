package org.lstmrepro.reports.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.model.CarryLayout;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Initializer;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

class ErrorSignalsTest {

    /** A sequence of random inputs in [-1, 1) with one target, at its last step. */
    static Sequence randomSequence(int length, int inputs, long seed) {
        RandomStream rng = RandomStream.root(seed);
        double[][] x = new double[length][inputs];
        for (double[] row : x) {
            for (int i = 0; i < inputs; i++) {
                row[i] = 2 * rng.nextDouble() - 1;
            }
        }
        double[][] targets = new double[length][];
        targets[length - 1] = new double[] {0.9};
        return new Sequence(x, targets);
    }

    static SimpleRnn tinyRnn(double radius) {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(1, 4, 1), RandomStream.root(3));
        Arrays.fill(rnn.parameters().get(SimpleRnn.BIAS).value(), 0.0);
        RecurrentMatrix.of(rnn).get(0).scaleToRadius(radius);
        return rnn;
    }

    /**
     * With zero inputs and zero biases the RNN stays at h = 0, where tanh' = 1: the backward step is the
     * linear map carry <- W_hh^T carry, so the carry's norm changes per step by the spectral radius in the
     * long run (Gelfand's formula), decaying for 0.5 and growing for 1.5.
     */
    @ParameterizedTest
    @CsvSource({"0.5", "1.5"})
    void simpleRnnCarryChangesPerStepByTheSpectralRadiusInTheLinearRegime(double radius) {
        SimpleRnn rnn = tinyRnn(radius);
        Sequence zeros = new Sequence(new double[121][1], targetAtEnd(121));
        ErrorSignals signals = ErrorSignals.measure(rnn, zeros);
        CarryLayout layout = rnn.carryLayout();

        double at10 = layout.hiddenNorm(signals.atLag(10));
        double at110 = layout.hiddenNorm(signals.atLag(110));
        double ratePerStep = Math.pow(at110 / at10, 1.0 / 100);
        assertThat(ratePerStep).isCloseTo(radius, within(0.05));
        if (radius < 1) {
            assertThat(at110).isLessThan(1e-20 * at10);
        } else {
            assertThat(at110).isGreaterThan(1e10 * at10);
        }
    }

    private static double[][] targetAtEnd(int length) {
        double[][] targets = new double[length][];
        targets[length - 1] = new double[] {0.9};
        return targets;
    }

    /**
     * Hochreiter and Schmidhuber 1997, appendix A: under the truncated rule error flows back only through the
     * CEC, s_c(t) = s_c(t-1) + ..., with factor exactly 1; nothing flows into a(t-1).
     */
    @Test
    void detached1997KeepsTheCellStateErrorExactlyConstantFor200Steps() {
        Lstm1997Config config = Lstm1997Config.of(2, 2, 2, 1);
        Lstm1997Network lstm = new Lstm1997Network(config);
        Lstm1997Initializer.initialize(config, lstm.parameters(), RandomStream.root(5));
        // Output gates open (y^out near 1), so the error of step T enters the cells; input gates half open
        // (bias 0), so the states stay where h is not saturated (wide open, s drifts and h'(s) -> 0).
        Arrays.fill(lstm.parameters().get("input_gate.bias").value(), 0.0);
        Arrays.fill(lstm.parameters().get("output_gate.bias").value(), 8.0);
        Arrays.fill(lstm.parameters().get("cell.bias").value(), 0.0);
        Sequence sequence = randomSequence(201, 2, 11);

        ErrorSignals truncated = ErrorSignals.measure(lstm.detached(), sequence);
        CarryLayout layout = lstm.carryLayout();
        double[] first = Arrays.copyOfRange(truncated.atLag(1), 0, lstm.cellCount());
        // the error did enter the cells (small: over 200 steps the states drift towards h's saturation)
        assertThat(layout.cellNorm(truncated.atLag(1))).isGreaterThan(1e-8);
        for (int lag = 1; lag <= 200; lag++) {
            double[] carry = truncated.atLag(lag);
            assertThat(Arrays.copyOfRange(carry, 0, lstm.cellCount())).containsExactly(first);
            assertThat(layout.hiddenNorm(carry)).isZero();
        }
        // At lag 1 only step T lies between: full BPTT's dE(T)/ds(T-1) is the same (spec: identical for the last step).
        ErrorSignals full = ErrorSignals.measure(lstm, sequence);
        assertThat(Arrays.copyOfRange(full.atLag(1), 0, lstm.cellCount())).containsExactly(first);
    }

    @Test
    void errorSignalsLeaveTheGradientBuffersEmpty() {
        SimpleRnn rnn = tinyRnn(0.9);
        ErrorSignals.measure(rnn, randomSequence(30, 1, 2));
        for (Parameter p : rnn.parameters().all()) {
            assertThat(p.gradient()).containsOnly(0.0);
        }
    }

    @Test
    void refusesSequencesWithoutALaterTarget() {
        SimpleRnn rnn = tinyRnn(0.9);
        double[][] targets = new double[3][];
        targets[0] = new double[] {1};
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ErrorSignals.measure(rnn, new Sequence(new double[3][1], targets)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
    }

    // ------------------------------------------------------------------ finite differences (independent check)

    /**
     * dE(T)/d(state at t) from the carry equals a central difference of E(T) when an offset is added to the
     * state of step t in a forward run (the offset written into the trajectory between step t and t + 1).
     */
    @Test
    void vanillaLstmCarryMatchesFiniteDifferencesOfAPerturbedState() {
        VanillaLstm lstm = new VanillaLstm(VanillaConfig.of(2, 3, 1, Variant.VANILLA), RandomStream.root(8));
        scaleAll(lstm.parameters(), 4.0); // larger weights than at initialisation: every path matters
        Sequence sequence = randomSequence(12, 2, 4);
        int t = 5;
        int h = lstm.hiddenSize();
        ErrorSignals signals = ErrorSignals.measure(lstm, sequence);
        ParameterSet offset = offsetWithGradient(signals.carry()[t]); // [dE/dy_t | dE/dc_t]

        GradientCheck.Result result = GradientCheck.against(offset, o -> perturbedLoss(lstm, sequence, t, (tr, step) -> {
            double[] y = lstm.blockOutput(tr, step);
            double[] c = lstm.cellState(tr, step);
            double[] d = o.get("offset").value();
            for (int j = 0; j < h; j++) {
                y[j] += d[j];
                c[j] += d[h + j];
            }
        }));
        assertThat(result.maxRelativeError()).as(result.toString()).isLessThan(1e-6);
        assertThat(lstm.carryLayout().cellNorm(signals.carry()[t])).isGreaterThan(1e-6);
    }

    @Test
    void simpleRnnCarryMatchesFiniteDifferencesOfAPerturbedState() {
        SimpleRnn rnn = new SimpleRnn(BaselineConfig.of(1, 4, 1), RandomStream.root(9));
        RecurrentMatrix.of(rnn).get(0).scaleToRadius(1.3);
        Sequence sequence = randomSequence(15, 1, 6);
        int t = 3;
        ErrorSignals signals = ErrorSignals.measure(rnn, sequence);
        ParameterSet offset = offsetWithGradient(signals.carry()[t]);

        GradientCheck.Result result = GradientCheck.against(offset, o -> perturbedLoss(rnn, sequence, t, (tr, step) -> {
            double[] hidden = rnn.hidden(tr, step);
            double[] d = o.get("offset").value();
            for (int j = 0; j < hidden.length; j++) {
                hidden[j] += d[j];
            }
        }));
        assertThat(result.maxRelativeError()).as(result.toString()).isLessThan(1e-6);
    }

    private interface StatePerturbation {
        void apply(Trajectory trajectory, int t);
    }

    /** E(T) of a forward run in which the state of step t is perturbed before step t + 1 reads it. */
    private static double perturbedLoss(org.lstmrepro.core.model.BpttNetwork network, Sequence sequence, int t,
                                        StatePerturbation perturbation) {
        int last = sequence.lastTargetStep();
        Trajectory tr = network.newTrajectory(last + 1);
        for (int step = 0; step <= last; step++) {
            network.forwardStep(tr, step, sequence.inputs()[step]);
            if (step == t) {
                perturbation.apply(tr, step);
            }
        }
        return network.outputUnits().loss().value(network.output(tr, last), sequence.targets()[last]);
    }

    private static ParameterSet offsetWithGradient(double[] analytic) {
        ParameterSet set = new ParameterSet();
        Parameter p = set.add(Parameter.vector("offset", analytic.length));
        System.arraycopy(analytic, 0, p.gradient(), 0, analytic.length);
        return set;
    }

    private static void scaleAll(ParameterSet parameters, double factor) {
        for (Parameter p : parameters.all()) {
            double[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] *= factor;
            }
        }
    }

    @Test
    void flowCurveAveragesOverSequencesUpToTheShortestLag() {
        SimpleRnn rnn = tinyRnn(0.9);
        List<Sequence> sequences = List.of(randomSequence(20, 1, 1), randomSequence(30, 1, 2));
        FlowCurve curve = FlowCurve.measure("rnn", rnn, rnn.carryLayout(), sequences);
        assertThat(curve.maxLag()).isEqualTo(19);
        double expected = (rnn.carryLayout().hiddenNorm(ErrorSignals.measure(rnn, sequences.get(0)).atLag(7))
                + rnn.carryLayout().hiddenNorm(ErrorSignals.measure(rnn, sequences.get(1)).atLag(7))) / 2;
        assertThat(curve.hidden()[7]).isCloseTo(expected, within(1e-15));
        assertThat(curve.hasCellState()).isFalse();
    }
}
