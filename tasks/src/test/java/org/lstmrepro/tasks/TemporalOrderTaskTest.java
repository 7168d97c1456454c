package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.random.RandomStream;

/** Temporal order, Hochreiter and Schmidhuber 1997 section 5.6, rules restated here. */
class TemporalOrderTaskTest {

    private static final String ALPHABET = "EBabcdXY";
    /** 1-based position windows, from the paper's text. */
    private static final int[][] WINDOWS_6A = {{10, 20}, {50, 60}};
    private static final int[][] WINDOWS_6B = {{10, 20}, {33, 43}, {66, 76}};

    /** What one sequence shows: its symbols, the 1-based positions of X/Y, and the class. */
    record Decoded(String symbols, int[] positions, int label) {
    }

    /** Checks one sequence against the rules and returns what it shows. */
    static Decoded check(Sequence s, int[][] windows) {
        assertThat(s.length()).isBetween(100, 110);
        String symbols = TaskTestSupport.spell(TaskTestSupport.decodeOneHot(s), ALPHABET);
        assertThat(symbols.charAt(0)).isEqualTo('E');
        assertThat(symbols.charAt(symbols.length() - 1)).isEqualTo('B');
        assertThat(symbols.substring(1, symbols.length() - 1)).matches("[abcdXY]+");
        List<Integer> positions = new ArrayList<>();
        int label = 0;
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (c == 'X' || c == 'Y') {
                positions.add(i + 1);
                label = 2 * label + (c == 'Y' ? 1 : 0);
            }
        }
        assertThat(positions).hasSize(windows.length);
        for (int k = 0; k < windows.length; k++) {
            assertThat(positions.get(k)).as("relevant symbol %d", k).isBetween(windows[k][0], windows[k][1]);
        }
        double[] target = TaskTestSupport.onlyLastTarget(s);
        assertThat(target).hasSize(1 << windows.length);
        assertThat(TaskTestSupport.oneHotIndex(target)).isEqualTo(label);
        return new Decoded(symbols, positions.stream().mapToInt(Integer::intValue).toArray(), label);
    }

    private static void checkMany(TemporalOrderTask task, int[][] windows, long seed) {
        RandomStream rng = RandomStream.root(seed);
        int n = 4000;
        long[] classes = new long[1 << windows.length];
        long[] distractors = new long[4];
        boolean[] lengths = new boolean[11];
        boolean[][] positions = new boolean[windows.length][11];
        for (int i = 0; i < n; i++) {
            Decoded d = check(task.generate(rng), windows);
            classes[d.label()]++;
            lengths[d.symbols().length() - 100] = true;
            for (int k = 0; k < windows.length; k++) {
                positions[k][d.positions()[k] - windows[k][0]] = true;
            }
            d.symbols().chars().filter(c -> c >= 'a' && c <= 'd').forEach(c -> distractors[c - 'a']++);
        }
        assertThat(lengths).doesNotContain(false);
        for (boolean[] p : positions) {
            assertThat(p).doesNotContain(false);
        }
        assertThat(TaskTestSupport.uniformityPValue(classes)).as("class balance").isGreaterThan(1e-3);
        assertThat(TaskTestSupport.uniformityPValue(distractors)).as("distractor balance").isGreaterThan(1e-3);
    }

    @Test
    void task6aFollowsTheRules() {
        TemporalOrderTask task = TemporalOrderTask.task6a();
        assertThat(task.id()).isEqualTo("temporal-order-6a");
        checkMany(task, WINDOWS_6A, 31);
    }

    @Test
    void task6bFollowsTheRules() {
        TemporalOrderTask task = TemporalOrderTask.task6b();
        assertThat(task.id()).isEqualTo("temporal-order-6b");
        checkMany(task, WINDOWS_6B, 32);
    }

    @Test
    void classNamesFollowThePapersLists() {
        TemporalOrderTask a = TemporalOrderTask.task6a();
        TemporalOrderTask b = TemporalOrderTask.task6b();
        // XX -> Q, XY -> R, YX -> S, YY -> U; XXX -> Q ... YYY -> C, classes in binary order X = 0, Y = 1
        assertThat(IntStream.range(0, 4).mapToObj(k -> String.valueOf(a.className(k)))).containsExactly("Q", "R", "S", "U");
        assertThat(IntStream.range(0, 8).mapToObj(k -> String.valueOf(b.className(k))))
                .containsExactly("Q", "R", "S", "U", "V", "A", "B", "C");
    }

    @Test
    void goldenSequencesForSeedOne() {
        // Pinned from the generator and reviewed by hand: starts with E, ends with B, length 109;
        // 6a: Y at position 18 (in [10, 20]), X at 51 (in [50, 60]) -> YX -> S (output 2);
        // 6b: X at 18, Y at 34 (in [33, 43]), X at 76 (in [66, 76]) -> XYX -> S (output 2).
        Decoded a = check(TemporalOrderTask.task6a().generate(RandomStream.root(1)), WINDOWS_6A);
        assertThat(a.symbols()).isEqualTo("EacbcbbdbbdacbcccYcdbbbaccbaacbacdccdbacabdcdccdccXbddaadaadaaabdca"
                + "aacbcdcbccdaabcdaacadcadcbcaccbcbbbcadcaaB");
        assertThat(a.positions()).containsExactly(18, 51);
        assertThat(a.label()).isEqualTo(2);
        Decoded b = check(TemporalOrderTask.task6b().generate(RandomStream.root(1)), WINDOWS_6B);
        assertThat(b.symbols()).isEqualTo("EbcbbdbbdacbccccdXbbbaccbaacbacdcYcdbacabdcdccdccbddaadaadaaabdcaa"
                + "acbcdcbccXdaabcdaacadcadcbcaccbcbbbcadcaadB");
        assertThat(b.positions()).containsExactly(18, 34, 76);
        assertThat(b.label()).isEqualTo(2);
    }

    @Test
    void paperCriteriaAndOutputUnits() {
        TemporalOrderTask task = TemporalOrderTask.task6a();
        assertThat(task.inputSize()).isEqualTo(8);
        assertThat(task.outputSize()).isEqualTo(4);
        assertThat(TemporalOrderTask.task6b().outputSize()).isEqualTo(8);
        assertThat(task.outputUnits().activation()).isEqualTo(OutputActivation.SIGMOID);
        assertThat(task.outputUnits().loss()).isEqualTo(Loss.SQUARED_ERROR);
        double[] target = {0, 0, 1, 0};
        assertThat(task.criterion().isCorrect(new double[] {0.29, 0.1, 0.71, 0.0}, target)).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {0.31, 0.1, 0.9, 0.0}, target)).isFalse();
        assertThat(task.criterion().isCorrect(new double[] {0.1, 0.1, 0.69, 0.0}, target)).isFalse();
        assertThat(task.stoppingRule().maxAverageError()).isEqualTo(0.1);
        assertThat(task.stoppingRule().window()).isEqualTo(2000);
        assertThat(task.testSetSize()).isEqualTo(2560);
    }

    @Test
    void takesNoSettings() {
        assertThat(TaskRegistry.create("temporal-order-6b", Map.of()).settings()).isEmpty();
        assertThatThrownBy(() -> TaskRegistry.create("temporal-order-6a", Map.of("length", "100")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task temporal-order-6a has no setting 'length' (settings: none)");
    }
}
