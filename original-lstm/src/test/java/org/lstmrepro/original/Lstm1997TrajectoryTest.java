package org.lstmrepro.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.model.Trajectory;

class Lstm1997TrajectoryTest {

    private final Lstm1997Network net = Fixtures.network(Fixtures.smallConfig(OutputActivation.SIGMOID), 0.5, 2);
    private final Sequence seq = Fixtures.sequence(3, 2, 10, 3);

    private List<double[]> referenceOutputs() {
        List<double[]> outputs = new ArrayList<>();
        net.forward(seq, (t, y) -> outputs.add(y.clone()));
        return outputs;
    }

    @Test
    void growingKeepsTheHeldStepsAndTheRingEvictsOldOnes() {
        List<double[]> expected = referenceOutputs();
        Trajectory tr = net.newTrajectory(2);
        for (int t = 0; t < 5; t++) {
            net.forwardStep(tr, t, seq.inputs()[t]);
        }
        assertThatThrownBy(() -> net.output(tr, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step 2 is not held");
        tr.ensureCapacity(6);
        assertThat(tr.capacity()).isGreaterThanOrEqualTo(6);
        assertThat(net.output(tr, 3)).containsExactly(expected.get(3));
        assertThat(net.output(tr, 4)).containsExactly(expected.get(4));
        for (int t = 5; t < 10; t++) {
            net.forwardStep(tr, t, seq.inputs()[t]); // continues from the kept step 4
        }
        for (int t = 4; t < 10; t++) {
            assertThat(net.output(tr, t)).as("step %d", t).containsExactly(expected.get(t));
        }
        int capacity = tr.capacity();
        tr.ensureCapacity(3);
        assertThat(tr.capacity()).isEqualTo(capacity);
    }

    @Test
    void rejectsWrongInputsAndTooSmallTrajectories() {
        Trajectory one = net.newTrajectory(1);
        net.forwardStep(one, 0, seq.inputs()[0]);
        assertThatThrownBy(() -> net.forwardStep(one, 1, seq.inputs()[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity 1");
        assertThatThrownBy(() -> net.forwardStep(net.newTrajectory(2), 0, new double[2]))
                .hasMessageContaining("input at step 0 has 2 values, the network has 3 input units");
        Trajectory foreign = new Lstm1997Network(Lstm1997Config.of(1, 1, 1, 1)).newTrajectory(2);
        assertThatThrownBy(() -> net.forwardStep(foreign, 0, seq.inputs()[0]))
                .hasMessageContaining("not made by this network");
    }
}
