package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.AddingTask.FirstPairRule;
import org.lstmrepro.tasks.MarkedPairChecks.Marked;

/** The adding problem against Hochreiter and Schmidhuber 1997, section 5.4, restated here. */
class AddingTaskTest {

    /** One sequence against the paper's rules ({@link MarkedPairChecks#check}): values in [-1, 1], target 0.5 + (X1 + X2)/4. */
    static Marked check(Sequence s, int minLength) {
        return MarkedPairChecks.check(s, minLength, -1.0, 1.0, (x1, x2) -> 0.5 + (x1 + x2) / 4.0);
    }

    static List<Marked> sample(AddingTask task, RandomStream rng, int count) {
        return MarkedPairChecks.sample(task, rng, count, AddingTaskTest::check);
    }

    @ParameterizedTest
    @ValueSource(ints = {22, 100, 131})
    void everySequenceFollowsTheRulesAndEveryAllowedLengthAndPositionOccurs(int minLength) {
        AddingTask task = new AddingTask(minLength, FirstPairRule.ZERO);
        List<Marked> seqs = sample(task, RandomStream.root(11).derive("adding-" + minLength), 4000);

        assertThat(seqs.stream().mapToInt(Marked::length).distinct().sorted().toArray())
                .containsExactly(java.util.stream.IntStream.rangeClosed(minLength, minLength + minLength / 10).toArray());
        // every pair of the X2 window [0, T/2 - 2] gets marked at some point
        boolean[] hit = new boolean[minLength / 2 - 1];
        for (Marked m : seqs) {
            hit[m.first()] = true;
            hit[m.second()] = true;
        }
        assertThat(hit).doesNotContain(false);
    }

    @Test
    void valuesAreUniformOnMinusOneToOneAndTargetsLieInZeroToOne() {
        AddingTask task = new AddingTask(100, FirstPairRule.ZERO);
        RandomStream rng = RandomStream.root(12);
        long[] bins = new long[20];
        double min = 1;
        double max = -1;
        double sum = 0;
        long n = 0;
        for (int i = 0; i < 2000; i++) {
            Sequence s = task.generate(rng);
            for (double[] in : s.inputs()) {
                if (in[1] == 1.0) {
                    continue; // skip marked pairs (a marked first pair is zeroed)
                }
                bins[(int) ((in[0] + 1.0) / 2.0 * bins.length)]++;
                min = Math.min(min, in[0]);
                max = Math.max(max, in[0]);
                sum += in[0];
                n++;
            }
            assertThat(s.targets()[s.length() - 1][0]).isBetween(0.0, 1.0);
        }
        assertThat(min).isLessThan(-0.999);
        assertThat(max).isGreaterThan(0.999);
        assertThat(sum / n).isCloseTo(0.0, within(0.01));
        assertThat(TaskTestSupport.uniformityPValue(bins)).isGreaterThan(1e-3);
    }

    @Test
    void theFirstPairIsMarkedAboutAsOftenAsTheRuleImplies() {
        // P(first pair marked) = P(X1 there) + P(X1 elsewhere) P(X2 there) = 1/10 + 9/10 * 1/(T/2 - 2)
        int t = 100;
        List<Marked> seqs = sample(new AddingTask(t, FirstPairRule.ZERO), RandomStream.root(13), 5000);
        double expected = 0.1 + 0.9 / (t / 2 - 2);
        double observed = seqs.stream().filter(m -> m.first() == 0).count() / 5000.0;
        assertThat(observed).isCloseTo(expected, within(0.02));
        // X1 is uniform over the first ten pairs: the earlier marker is below 10 and all ten occur
        assertThat(seqs.stream().mapToInt(Marked::first).distinct().count()).isEqualTo(10);
    }

    @Test
    void zeroRuleSetsAMarkedFirstPairToZeroWhicheverDrawMarkedIt() {
        List<Marked> seqs = sample(new AddingTask(100, FirstPairRule.ZERO), RandomStream.root(14), 5000);
        List<Marked> firstMarked = seqs.stream().filter(m -> m.first() == 0).toList();
        assertThat(firstMarked).hasSizeGreaterThan(400);
        assertThat(firstMarked).allSatisfy(m -> assertThat(m.firstValue()).isEqualTo(0.0));
        // unmarked first pairs keep their random value
        assertThat(seqs.stream().filter(m -> m.first() != 0).filter(m -> m.firstValue() == 0.0)).isEmpty();
    }

    @Test
    void keepRuleLeavesAMarkedFirstPairsValue() {
        List<Marked> seqs = sample(new AddingTask(100, FirstPairRule.KEEP), RandomStream.root(14), 5000);
        List<Marked> firstMarked = seqs.stream().filter(m -> m.first() == 0).toList();
        assertThat(firstMarked).hasSizeGreaterThan(400);
        assertThat(firstMarked).noneSatisfy(m -> assertThat(m.firstValue()).isEqualTo(0.0));
    }

    @Test
    void zeroX1RuleZeroesOnlyWhenX1IsOnTheFirstPair() {
        // If the other marker is at 10 or later it is X2, so X1 is on the first pair: always zero.
        // If both are among the first ten, either draw may be on the first pair, equally likely
        // (1/10 * 9/48 = 9/10 * 1/48 for T = 100): about half are zero.
        List<Marked> seqs = sample(new AddingTask(100, FirstPairRule.ZERO_X1), RandomStream.root(15), 8000);
        List<Marked> x1First = seqs.stream().filter(m -> m.first() == 0 && m.second() >= 10).toList();
        List<Marked> ambiguous = seqs.stream().filter(m -> m.first() == 0 && m.second() < 10).toList();
        assertThat(x1First).isNotEmpty().allSatisfy(m -> assertThat(m.firstValue()).isEqualTo(0.0));
        assertThat(ambiguous).hasSizeGreaterThan(150);
        double zeroed = ambiguous.stream().filter(m -> m.firstValue() == 0.0).count() / (double) ambiguous.size();
        assertThat(zeroed).isBetween(0.3, 0.7);
    }

    @Test
    void theSampleCommandScenarioSatisfiesEveryProperty() {
        // lstm-repro sample adding --length 100 --count 1000 --seed 1 draws from this exact stream
        Task task = TaskRegistry.create("adding", Map.of("length", "100"));
        assertThat(task).isInstanceOf(AddingTask.class);
        RandomStream rng = RandomStream.root(1).derive("sample");
        List<Marked> seqs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seqs.add(check(task.generate(rng), 100));
        }
        assertThat(seqs.stream().mapToInt(Marked::length).distinct().count()).isEqualTo(11);
        assertThat(seqs.stream().filter(m -> m.first() == 0))
                .isNotEmpty().allSatisfy(m -> assertThat(m.firstValue()).isEqualTo(0.0));
        assertThat(seqs.stream().mapToDouble(Marked::target).average().orElseThrow()).isCloseTo(0.5, within(0.02));
    }

    @Test
    void goldenSequenceForSeedOne() {
        // Pinned from the generator and reviewed by hand against the rules: L = 22 in [22, 24];
        // markers 1 at pairs 4 and 6 (both < T/2 - 1 = 10, one < 10), -1 at pairs 0 and 21, 0
        // elsewhere; target 0.5 + (-0.6281090884502969 + 0.7644598872007118)/4 = 0.5340876996876037.
        Sequence s = new AddingTask(22, FirstPairRule.ZERO).generate(RandomStream.root(1));
        Marked m = check(s, 22);
        assertThat(m).isEqualTo(new Marked(22, 4, 6, -0.6281090884502969, 0.7644598872007118, 0.5340876996876037));
        assertThat(s.inputs()[0]).containsExactly(0.908233431813241, -1.0);
        assertThat(s.inputs()[21]).containsExactly(-0.8841530702536919, -1.0);
    }

    @Test
    void paperCriteriaAndOutputUnits() {
        AddingTask task = new AddingTask(100, FirstPairRule.ZERO);
        assertThat(task.criterion().isCorrect(new double[] {0.539}, new double[] {0.5})).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {0.541}, new double[] {0.5})).isFalse();
        assertThat(task.criterion().isCorrect(new double[] {0.461}, new double[] {0.5})).isTrue();
        assertThat(task.stoppingRule().maxAverageError()).isEqualTo(0.01);
        assertThat(task.stoppingRule().window()).isEqualTo(2000);
        assertThat(task.testSetSize()).isEqualTo(2560);
        assertThat(task.outputUnits().activation()).isEqualTo(OutputActivation.SIGMOID);
        assertThat(task.outputUnits().loss()).isEqualTo(Loss.SQUARED_ERROR);
        assertThat(task.inputSize()).isEqualTo(2);
        assertThat(task.outputSize()).isEqualTo(1);
    }

    @Test
    void settingsAreReadAndReported() {
        Task task = TaskRegistry.create("adding", Map.of("length", "500", "firstPair", "keep"));
        assertThat(((AddingTask) task).minLength()).isEqualTo(500);
        assertThat(((AddingTask) task).firstPair()).isEqualTo(FirstPairRule.KEEP);
        assertThat(task.settings()).containsExactly(Map.entry("length", "500"), Map.entry("firstPair", "keep"));
        assertThat(TaskRegistry.create("adding", Map.of()).settings())
                .containsExactly(Map.entry("length", "100"), Map.entry("firstPair", "zero"));
    }

    @Test
    void badSettingsNameTheSettingAndValue() {
        assertThatThrownBy(() -> TaskRegistry.create("adding", Map.of("length", "-5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task adding: length must be an integer from 22 to 1000000, was -5");
        assertThatThrownBy(() -> TaskRegistry.create("adding", Map.of("length", "21")))
                .hasMessageContaining("length").hasMessageContaining("was 21");
        assertThatThrownBy(() -> TaskRegistry.create("adding", Map.of("length", "1e2")))
                .hasMessageContaining("was 1e2");
        assertThatThrownBy(() -> TaskRegistry.create("adding", Map.of("firstPair", "first")))
                .hasMessage("task adding: firstPair must be one of zero, zero-x1, keep, was first");
        assertThatThrownBy(() -> TaskRegistry.create("adding", Map.of("lenght", "100")))
                .hasMessage("task adding has no setting 'lenght' (settings: length, firstPair)");
        assertThatThrownBy(() -> new AddingTask(10, FirstPairRule.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 10");
    }
}
