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
import org.lstmrepro.core.train.RecentWindow;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.tasks.AddingTask.FirstPairRule;
import org.lstmrepro.tasks.MarkedPairChecks.Marked;

/** The multiplication problem against Hochreiter and Schmidhuber 1997, section 5.5, restated here. */
class MultiplicationTaskTest {

    /** One sequence against the paper's rules ({@link MarkedPairChecks#check}): values in [0, 1], target X1 * X2. */
    static Marked check(Sequence s, int minLength) {
        Marked m = MarkedPairChecks.check(s, minLength, 0.0, 1.0, (x1, x2) -> x1 * x2);
        assertThat(m.target()).isEqualTo(m.firstValue() * m.secondValue());
        return m;
    }

    static List<Marked> sample(MultiplicationTask task, RandomStream rng, int count) {
        return MarkedPairChecks.sample(task, rng, count, MultiplicationTaskTest::check);
    }

    @ParameterizedTest
    @ValueSource(ints = {22, 100, 131})
    void everySequenceFollowsTheRules(int minLength) {
        List<Marked> seqs = sample(new MultiplicationTask(minLength, FirstPairRule.ZERO, 140),
                RandomStream.root(21).derive("multiplication-" + minLength), 3000);
        assertThat(seqs.stream().mapToInt(Marked::length).distinct().sorted().toArray())
                .containsExactly(java.util.stream.IntStream.rangeClosed(minLength, minLength + minLength / 10).toArray());
        assertThat(seqs.stream().mapToDouble(Marked::target).max().orElseThrow()).isLessThan(1.0);
    }

    @Test
    void valuesAreUniformOnTheUnitInterval() {
        long[] bins = new long[20];
        double sum = 0;
        long n = 0;
        RandomStream rng = RandomStream.root(22);
        MultiplicationTask task = new MultiplicationTask(100, FirstPairRule.ZERO, 140);
        for (int i = 0; i < 400; i++) {
            for (double[] in : task.generate(rng).inputs()) {
                if (in[1] != 1.0) {
                    bins[(int) (in[0] * bins.length)]++;
                    sum += in[0];
                    n++;
                }
            }
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.01));
        assertThat(TaskTestSupport.uniformityPValue(bins)).isGreaterThan(1e-3);
    }

    @Test
    void sameLayoutAsTheAddingProblemFromTheSameStream() {
        // The paper: "like the adding problem", values in [0, 1]. With one stream, both tasks draw the
        // same length and marker positions, and each value u in [0, 1) where adding draws -1 + 2u.
        MultiplicationTask product = new MultiplicationTask(100, FirstPairRule.KEEP, 140);
        AddingTask sum = new AddingTask(100, FirstPairRule.KEEP);
        for (int seed = 0; seed < 200; seed++) {
            Sequence a = sum.generate(RandomStream.root(seed));
            Sequence m = product.generate(RandomStream.root(seed));
            assertThat(m.length()).isEqualTo(a.length());
            for (int t = 0; t < a.length(); t++) {
                assertThat(m.inputs()[t][1]).isEqualTo(a.inputs()[t][1]);
                assertThat(-1.0 + 2.0 * m.inputs()[t][0]).isCloseTo(a.inputs()[t][0], within(1e-15));
            }
        }
    }

    @Test
    void aMarkedFirstPairHoldsOneSoTheTargetIsTheOtherValue() {
        List<Marked> seqs = sample(new MultiplicationTask(100, FirstPairRule.ZERO, 140), RandomStream.root(23), 5000);
        List<Marked> firstMarked = seqs.stream().filter(m -> m.first() == 0).toList();
        assertThat(firstMarked).hasSizeGreaterThan(400)
                .allSatisfy(m -> {
                    assertThat(m.firstValue()).isEqualTo(1.0);
                    assertThat(m.target()).isEqualTo(m.secondValue());
                });
        // an unmarked first pair is never 1.0 (values are drawn from [0, 1))
        assertThat(seqs.stream().filter(m -> m.first() != 0).filter(m -> m.firstValue() == 1.0)).isEmpty();
        List<Marked> kept = sample(new MultiplicationTask(100, FirstPairRule.KEEP, 140), RandomStream.root(23), 5000);
        assertThat(kept.stream().filter(m -> m.first() == 0)).isNotEmpty().noneMatch(m -> m.firstValue() == 1.0);
    }

    @Test
    void goldenSequenceForSeedOne() {
        // The adding problem's golden sequence (AddingTaskTest) from the same stream: L = 22, markers 1 at
        // pairs 4 and 6, adding values -0.6281090884502969 and 0.7644598872007118, so here
        // u = (v + 1) / 2 = 0.18594545577485155 and 0.8822299436003559, target their product
        // 0.16404664896098975 (computed outside the code, in double precision).
        Sequence s = new MultiplicationTask(22, FirstPairRule.ZERO, 140).generate(RandomStream.root(1));
        Marked m = check(s, 22);
        assertThat(m.length()).isEqualTo(22);
        assertThat(m.first()).isEqualTo(4);
        assertThat(m.second()).isEqualTo(6);
        assertThat(m.firstValue()).isCloseTo(0.18594545577485155, within(1e-15));
        assertThat(m.secondValue()).isCloseTo(0.8822299436003559, within(1e-15));
        assertThat(m.target()).isCloseTo(0.16404664896098975, within(1e-15));
    }

    @Test
    void stoppingAllowsFewerThanNSeqWrongOfTheLast2000AndNoAverageCondition() {
        for (int nSeq : new int[] {140, 13, 1}) {
            StoppingRule rule = new MultiplicationTask(100, FirstPairRule.ZERO, nSeq).stoppingRule();
            assertThat(rule.window()).isEqualTo(2000);
            RecentWindow w = new RecentWindow(2000);
            for (int i = 0; i < 2000 - nSeq; i++) {
                w.add(true, 0.0);
            }
            for (int i = 0; i < nSeq; i++) {
                w.add(false, 1.0); // large errors: no average-error condition applies
            }
            assertThat(w.meets(rule)).as("n_seq = %d wrong of 2000", nSeq).isFalse();
            w.add(true, 0.0); // the oldest correct one leaves; now n_seq wrong still: not met
            assertThat(w.meets(rule)).isFalse();
            RecentWindow fewer = new RecentWindow(2000);
            for (int i = 0; i < 2000 - (nSeq - 1); i++) {
                fewer.add(true, 0.0);
            }
            for (int i = 0; i < nSeq - 1; i++) {
                fewer.add(false, 1.0);
            }
            assertThat(fewer.meets(rule)).as("n_seq - 1 = %d wrong of 2000", nSeq - 1).isTrue();
        }
    }

    @Test
    void paperCriteriaAndOutputUnits() {
        MultiplicationTask task = new MultiplicationTask(100, FirstPairRule.ZERO, 140);
        assertThat(task.criterion().isCorrect(new double[] {0.539}, new double[] {0.5})).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {0.541}, new double[] {0.5})).isFalse();
        assertThat(task.testSetSize()).isEqualTo(2560);
        assertThat(task.outputUnits().activation()).isEqualTo(OutputActivation.SIGMOID);
        assertThat(task.outputUnits().loss()).isEqualTo(Loss.SQUARED_ERROR);
        // both rows of the paper are tested on the same test set
        assertThat(TaskRegistry.create("multiplication", Map.of("nSeq", "13")).testSet(1997))
                .isEqualTo(TaskRegistry.create("multiplication", Map.of()).testSet(1997));
    }

    @Test
    void settingsAreReadAndReported() {
        Task task = TaskRegistry.create("multiplication", Map.of("nSeq", "13", "firstPair", "one-x1"));
        assertThat(task.settings()).containsExactly(Map.entry("length", "100"), Map.entry("firstPair", "one-x1"),
                Map.entry("nSeq", "13"));
        assertThat(((MultiplicationTask) task).firstPair()).isEqualTo(FirstPairRule.ZERO_X1);
        assertThat(task.stoppingRule().maxWrong()).isEqualTo(12);
    }

    @Test
    void hostileSettingsNameTheSettingAndValue() {
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("nSeq", "0")))
                .hasMessage("task multiplication: nSeq must be an integer from 1 to 2000, was 0");
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("nSeq", "2001")))
                .hasMessageContaining("was 2001");
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("nSeq", "13.5")))
                .hasMessageContaining("was 13.5");
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("nSeq", "")))
                .hasMessageContaining("was empty");
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("firstPair", "zero")))
                .hasMessage("task multiplication: firstPair must be one of one, one-x1, keep, was zero");
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("length", "21")))
                .hasMessageContaining("length").hasMessageContaining("was 21");
        assertThatThrownBy(() -> TaskRegistry.create("multiplication", Map.of("n_seq", "13")))
                .hasMessage("task multiplication has no setting 'n_seq' (settings: length, firstPair, nSeq)");
        assertThatThrownBy(() -> new MultiplicationTask(100, FirstPairRule.ZERO, -1)).hasMessageContaining("was -1");
    }
}
