package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.math.Exponential;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.original.Lstm1997Config.Timing;

/**
 * The appendix's timing (Hochreiter and Schmidhuber 1997, appendix A.1: every unit reads the previous
 * step's activations) against the experiments' (section 5: input, hidden, output within one step),
 * restated: with the same weights, the appendix network's hidden layer at t is the experiments
 * network's at t when that one is fed the input one step later, and the appendix network's output at t
 * is that network's output at t-1 (at t = 0: the output bias alone).
 */
class AppendixTimingTest {

    @Test
    void theAppendixDelaysTheHiddenLayersInputAndTheOutputLayersCellsByOneStep() {
        Lstm1997Config experiments = Fixtures.smallConfig(OutputActivation.SIGMOID);
        Lstm1997Network e = Fixtures.network(experiments, 0.7, 21);
        Lstm1997Network a = Fixtures.network(experiments.withTiming(Timing.APPENDIX), 0.7, 21);
        for (int k = 0; k < e.parameters().all().size(); k++) {
            assertThat(a.parameters().get(k).value()).isEqualTo(e.parameters().get(k).value());
        }
        Sequence seq = Fixtures.sequence(3, 2, 9, 22, -1);
        double[][] x = seq.inputs();
        double[][] shifted = new double[x.length][];
        shifted[0] = new double[3];
        for (int t = 1; t < x.length; t++) {
            shifted[t] = x[t - 1];
        }
        Trajectory ta = a.newTrajectory(x.length);
        Trajectory te = e.newTrajectory(x.length);
        double[] ha = new double[a.layout().units()];
        double[] he = new double[e.layout().units()];
        for (int t = 0; t < x.length; t++) {
            a.forwardStep(ta, t, x[t]);
            e.forwardStep(te, t, shifted[t]);
            a.activations(ta, t, ha);
            e.activations(te, t, he);
            assertThat(ha).as("hidden layer at %d", t).isEqualTo(he);
            if (t > 0) {
                assertThat(a.output(ta, t)).as("output at %d", t).isEqualTo(e.output(te, t - 1));
            }
        }
        Parameter bias = a.parameters().get("output.bias");
        assertThat(a.output(ta, 0)).containsExactly(Exponential.sigmoid(bias.value()[0]),
                Exponential.sigmoid(bias.value()[1]));
    }

    @Test
    void theExperimentsTimingIsTheDefaultAndTheAppendixRefusesOutputsThatReadInputs() {
        assertThat(Lstm1997Config.of(2, 2, 2, 1).timing()).isEqualTo(Timing.EXPERIMENTS);
        assertThat(Timing.fromId("appendix")).isEqualTo(Timing.APPENDIX);
        assertThatThrownBy(() -> Timing.fromId("delayed")).hasMessageContaining("experiments or appendix");
        assertThatThrownBy(() -> Lstm1997Config.of(2, 2, 2, 1).withOutputsSeeInputs(true).withTiming(Timing.APPENDIX))
                .hasMessageContaining("outputsSeeInputs");
        assertThat(Lstm1997Config.of(2, 2, 2, 1).withTiming(Timing.APPENDIX))
                .isNotEqualTo(Lstm1997Config.of(2, 2, 2, 1));
    }
}
