package org.lstmrepro.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;

/** The loss per target step: summed over every target step of the set, divided by their count. */
class EvaluationTest {

    @Test
    void theDenominatorIsTargetStepsNotSequences() {
        ScalarNetwork net = new ScalarNetwork(1); // y = x
        // sequence 1: two targets, errors 0 and 1 -> squared-error losses 0 and 0.5
        Sequence a = new Sequence(new double[][] {{1}, {2}}, new double[][] {{1}, {3}});
        // sequence 2: one step without a target, one with error 2 -> loss 0.5 * 4 = 2
        Sequence b = new Sequence(new double[][] {{5}, {1}}, new double[][] {null, {3}});
        Evaluation e = Evaluation.of(net, List.of(a, b), (y, d) -> true);
        assertThat(e.targetSteps()).isEqualTo(3);
        assertThat(e.lossPerTarget()).isCloseTo(2.5 / 3, within(1e-15));
        assertThat(e.meanLoss()).isCloseTo(2.5 / 2, within(1e-15));
    }
}
