package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.random.RandomStream;

/** The later adding variant (Le, Jaitly and Hinton 2015): fixed length, U[0,1] values, plain sum. */
class AddingUniformTaskTest {

    /** Checks one sequence and returns the two marked positions, read back from the inputs. */
    static int[] check(Sequence s, int length) {
        assertThat(s.length()).isEqualTo(length);
        int first = -1;
        int second = -1;
        for (int t = 0; t < length; t++) {
            assertThat(s.inputs()[t][0]).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            double marker = s.inputs()[t][1];
            assertThat(marker).isIn(0.0, 1.0);
            if (marker == 1.0) {
                assertThat(second).as("a third marker at %d", t).isEqualTo(-1);
                if (first < 0) {
                    first = t;
                } else {
                    second = t;
                }
            }
        }
        assertThat(first).as("marker in the first half").isBetween(0, length / 2 - 1);
        assertThat(second).as("marker in the second half").isBetween(length / 2, length - 1);
        double[] target = TaskTestSupport.onlyLastTarget(s);
        assertThat(target[0]).isCloseTo(s.inputs()[first][0] + s.inputs()[second][0], within(1e-15));
        return new int[] {first, second};
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 7, 100})
    void everySequenceFollowsTheRulesAndEveryPositionIsMarkedSometimes(int length) {
        AddingUniformTask task = new AddingUniformTask(length);
        RandomStream rng = RandomStream.root(21).derive(length);
        boolean[] hit = new boolean[length];
        for (int i = 0; i < 4000; i++) {
            int[] marked = check(task.generate(rng), length);
            hit[marked[0]] = true;
            hit[marked[1]] = true;
        }
        assertThat(hit).doesNotContain(false);
    }

    @Test
    void predictingTheMeanScoresTheBaselineMse() {
        AddingUniformTask task = new AddingUniformTask(50);
        RandomStream rng = RandomStream.root(22);
        int n = 5000;
        double sumSq = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = task.generate(rng).targets()[49][0];
            sum += d;
            sumSq += (d - 1.0) * (d - 1.0); // always answering 1, the mean of X1 + X2
        }
        assertThat(sum / n).isCloseTo(1.0, within(0.02));
        // sd of (d - 1)^2 is about 0.2, so the mean over 5000 is within 0.012 with room to spare
        assertThat(sumSq / n).isCloseTo(task.baselineMse(), within(0.012));
        assertThat(task.baselineMse()).isCloseTo(1.0 / 6.0, within(1e-15));
    }

    @Test
    void goldenSequenceForSeedOne() {
        // Pinned from the generator and reviewed by hand: markers at 0 (first half [0, 5)) and 5
        // (second half [5, 10)); target 0.7497482413580301 + 0.5957679321666499 = 1.34551617352468.
        Sequence s = new AddingUniformTask(10).generate(RandomStream.root(1));
        assertThat(check(s, 10)).containsExactly(0, 5);
        assertThat(s.inputs()[0][0]).isEqualTo(0.7497482413580301);
        assertThat(s.inputs()[5][0]).isEqualTo(0.5957679321666499);
        assertThat(s.targets()[9][0]).isEqualTo(1.34551617352468);
    }

    @Test
    void criteriaOutputUnitsAndSettings() {
        Task task = TaskRegistry.create("adding-uniform", Map.of("length", "200"));
        assertThat(((AddingUniformTask) task).length()).isEqualTo(200);
        assertThat(task.settings()).containsExactly(Map.entry("length", "200"));
        assertThat(task.outputUnits().activation()).isEqualTo(OutputActivation.LINEAR);
        assertThat(task.outputUnits().loss()).isEqualTo(Loss.SQUARED_ERROR);
        assertThat(task.criterion().isCorrect(new double[] {1.239}, new double[] {1.2})).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {1.241}, new double[] {1.2})).isFalse();
        assertThat(task.testSetSize()).isEqualTo(2560);
        assertThatThrownBy(() -> TaskRegistry.create("adding-uniform", Map.of("length", "1")))
                .hasMessage("task adding-uniform: length must be an integer from 2 to 1000000, was 1");
    }
}
