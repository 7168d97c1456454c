package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * The constant error carousel (Hochreiter and Schmidhuber 1997, section 3.2): under the truncated
 * rule an error on s_c travels back unchanged however far; under full BPTT the other paths add to it.
 */
class ConstantErrorCarouselTest {

    private static final int STEPS = 1001;

    /** Runs the sequence forward and returns the carry after backward steps from the last step to 0. */
    private static double[] errorOnTheStateAfterGoingBack(BpttNetwork net, Sequence seq, int cell, double error,
                                                          int[] checkpoints, double[][] seen) {
        Trajectory tr = net.newTrajectory(STEPS);
        for (int t = 0; t < STEPS; t++) {
            net.forwardStep(tr, t, seq.inputs()[t]);
        }
        double[] carry = new double[net.carrySize()];
        carry[cell] = error; // dE/ds_c at the last step; the carry starts with the C cell states
        int next = 0;
        for (int t = STEPS - 1; t >= 0; t--) {
            net.backwardStep(tr, t, null, carry);
            int k = STEPS - t; // carry now holds dE/ds_c(last - k)
            if (next < checkpoints.length && k == checkpoints[next]) {
                seen[next++] = carry.clone();
            }
        }
        return carry;
    }

    @Test
    void anErrorOnTheStateReachesAThousandStepsBackUnchangedOnlyUnderTheTruncatedRule() {
        Lstm1997Network net = Presets1997.get("adding").newNetwork();
        Presets1997.get("adding").initialize(net.parameters(), org.lstmrepro.core.random.RandomStream.root(5));
        Sequence seq = Fixtures.sequence(2, 1, STEPS, 9);
        int cell = 1;
        double error = 0.3141592653589793;
        int[] k = {1, 10, 100, 1000};

        double[][] truncated = new double[k.length][];
        errorOnTheStateAfterGoingBack(net.detached(), seq, cell, error, k, truncated);
        double[][] full = new double[k.length][];
        errorOnTheStateAfterGoingBack(net, seq, cell, error, k, full);

        for (int i = 0; i < k.length; i++) {
            assertThat(truncated[i][cell]).as("truncated, %d steps back", k[i]).isEqualTo(error);
            for (int c = 0; c < net.cellCount(); c++) {
                if (c != cell) {
                    assertThat(truncated[i][c]).as("no leak into cell %d", c).isZero();
                }
            }
            // full BPTT: the path s_c(t-1) -> y^c(t-1) -> net inputs of step t adds to the carousel's error
            // from two steps back on (one step back the recurrent error is still on its way, in the carry's
            // dE/da part, and enters dE/ds at the next backward step)
            if (k[i] == 1) {
                assertThat(full[i][cell]).isEqualTo(error);
                assertThat(full[i][net.cellCount() + cell]).as("dE/dy^c(t-1) under full BPTT").isNotZero();
            } else {
                assertThat(full[i][cell]).as("full BPTT, %d steps back", k[i]).isNotEqualTo(error);
            }
        }
        assertThat(Math.abs(full[3][cell] - error)).isGreaterThan(1e-9);
    }

    @Test
    void theTruncatedRulesCarouselFactorIsExactlyOne() {
        Lstm1997Network net = Fixtures.network(Fixtures.smallConfig(org.lstmrepro.core.loss.OutputActivation.SIGMOID),
                0.7, 1);
        Sequence seq = Fixtures.sequence(3, 2, 20, 2);
        Trajectory tr = net.newTrajectory(2);
        double[] z = new double[net.sourceCount()];
        double[] phi = new double[net.cellCount()];
        double[][] q = new double[net.tracedGroupCount()][net.cellCount()];
        for (int t = 0; t < seq.length(); t++) {
            net.forwardStep(tr, t, seq.inputs()[t]);
            net.cecStep(tr, t, z, phi, q);
            assertThat(phi).containsOnly(1.0);
        }
        assertThat(new TruncatedGradient1997(net).id()).isEqualTo("truncated1997");
    }
}
