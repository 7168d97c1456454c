package org.lstmrepro.reports.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Initializer;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.tasks.TaskRegistry;

class CellTraceTest {

    @Test
    void theStoringCellIsTheOneThatJumpsAtTheMarks() {
        // cell 0 drifts by 0.1 every step; cell 1 is flat except for jumps of 1 at steps 2 and 5
        double[][] states = new double[8][2];
        for (int t = 0; t < 8; t++) {
            states[t][0] = 0.1 * (t + 1);
            states[t][1] = t >= 5 ? 2 : t >= 2 ? 1 : 0;
        }
        assertThat(CellTrace.storingCell(states, new int[] {2, 5})).isEqualTo(1);
        assertThat(CellTrace.storingCell(states, new int[0])).isEqualTo(-1);
    }

    @Test
    void tracesTheCellStatesAndFindsTheAddingMarkers() {
        Task adding = TaskRegistry.create("adding", Map.of("length", "30"));
        Sequence sequence = adding.generate(RandomStream.root(7));
        Lstm1997Config config = Lstm1997Config.of(2, 2, 2, 1);
        Lstm1997Network lstm = new Lstm1997Network(config);
        Lstm1997Initializer.initialize(config, lstm.parameters(), RandomStream.root(3));

        CellTrace trace = CellTrace.measure(lstm, sequence, GradientFlow.markerInput(adding));
        assertThat(trace.states().length).isEqualTo(sequence.length());
        assertThat(trace.cellCount()).isEqualTo(4);
        List<Integer> expected = new java.util.ArrayList<>();
        for (int t = 0; t < sequence.length(); t++) {
            if (sequence.inputs()[t][1] == 1.0) {
                expected.add(t);
            }
        }
        assertThat(trace.markers()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(trace.markers()).hasSize(2);
        // the CEC: s_c(t) = s_c(t-1) + y^in g(net_c), so the trace starts from s(-1) = 0 with a bounded step
        // (|y^in g| <= 2, g in [-2, 2])
        for (int t = 1; t < trace.states().length; t++) {
            for (int c = 0; c < 4; c++) {
                assertThat(Math.abs(trace.states()[t][c] - trace.states()[t - 1][c])).isLessThanOrEqualTo(2.0);
            }
        }
    }
}
