package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.lstmrepro.core.data.Sequence;

/**
 * The marker layout the adding and multiplication problems share (Hochreiter and Schmidhuber 1997,
 * sections 5.4 and 5.5), restated for their tests independently of the generator.
 */
final class MarkedPairChecks {

    private MarkedPairChecks() {
    }

    /** What one sequence shows, read back from its inputs only. */
    record Marked(int length, int first, int second, double firstValue, double secondValue, double target) {
    }

    /**
     * Checks one sequence against the paper's rules for minimal length T, reading everything back from
     * the inputs: length in [T, T + T/10]; values in [low, high]; exactly two markers 1, both in the
     * first T/2 - 1 pairs and at least one in the first ten; marker -1 on the first (unless marked) and
     * the last pair, 0 elsewhere; the target {@code target(X1, X2)} at the last step only.
     */
    static Marked check(Sequence s, int minLength, double low, double high, DoubleBinaryOperator target) {
        assertThat(s.length()).isBetween(minLength, minLength + minLength / 10);
        assertThat(s.inputSize()).isEqualTo(2);
        int last = s.length() - 1;
        List<Integer> marked = new ArrayList<>();
        for (int t = 0; t <= last; t++) {
            double value = s.inputs()[t][0];
            double marker = s.inputs()[t][1];
            assertThat(value).as("value at %d", t).isBetween(low, high);
            if (marker == 1.0) {
                marked.add(t);
            } else if (t == 0 || t == last) {
                assertThat(marker).as("marker of the first/last pair").isEqualTo(-1.0);
            } else {
                assertThat(marker).as("marker at %d", t).isEqualTo(0.0);
            }
        }
        assertThat(marked).hasSize(2);
        int first = marked.get(0);
        int second = marked.get(1);
        assertThat(first).as("one marker among the first ten pairs").isLessThan(10);
        assertThat(second).as("both markers among the first T/2 - 1 pairs").isLessThan(minLength / 2 - 1);
        double[] d = TaskTestSupport.onlyLastTarget(s);
        assertThat(d).hasSize(1);
        double x1 = s.inputs()[first][0];
        double x2 = s.inputs()[second][0];
        assertThat(d[0]).isCloseTo(target.applyAsDouble(x1, x2), within(1e-15));
        return new Marked(s.length(), first, second, x1, x2, d[0]);
    }

    /** {@code count} sequences of {@code task} from {@code rng}, each checked by {@code check} (sequence, T). */
    static List<Marked> sample(MarkedPairTask task, org.lstmrepro.core.random.RandomStream rng, int count,
                               java.util.function.BiFunction<Sequence, Integer, Marked> check) {
        List<Marked> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(check.apply(task.generate(rng), task.minLength()));
        }
        return out;
    }
}
