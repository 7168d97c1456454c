package org.lstmrepro.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.RecentWindow;
import org.lstmrepro.core.train.StoppingRule;

/** Experiment 2c of Hochreiter and Schmidhuber 1997 (section 5.2), rules restated here. */
class LongLag2cTaskTest {

    /** The one-hot index of each step, checking that each step is one-hot. */
    private static int[] symbols(Sequence s, int width) {
        int[] out = new int[s.length()];
        for (int t = 0; t < s.length(); t++) {
            double[] x = s.inputs()[t];
            assertThat(x).hasSize(width);
            int hot = -1;
            for (int i = 0; i < width; i++) {
                if (x[i] == 1.0) {
                    assertThat(hot).as("one-hot at step %d", t).isEqualTo(-1);
                    hot = i;
                } else {
                    assertThat(x[i]).isZero();
                }
            }
            assertThat(hot).isNotNegative();
            out[t] = hot;
        }
        return out;
    }

    @Test
    void everySequenceFollowsTheRules() {
        int q = 30;
        int p = 7;
        LongLag2cTask task = new LongLag2cTask(q, p);
        int e = p;
        int b = p + 1;
        int x = p + 2;
        int y = p + 3;
        RandomStream rng = RandomStream.root(11);
        long ySeen = 0;
        long extra = 0;
        int n = 20_000;
        int[] distractorCount = new int[p];
        for (int i = 0; i < n; i++) {
            Sequence s = task.generate(rng);
            int[] sym = symbols(s, p + 4);
            int last = s.length() - 1;
            assertThat(s.length()).isGreaterThanOrEqualTo(q + 3);
            assertThat(sym[0]).isEqualTo(b);
            assertThat(sym[1]).isIn(x, y);
            assertThat(sym[last]).isEqualTo(e);
            for (int t = 2; t < last; t++) {
                assertThat(sym[t]).isBetween(0, p - 1);
                distractorCount[sym[t]]++;
            }
            for (int t = 0; t < last; t++) {
                assertThat(s.targets()[t]).isNull();
            }
            double[] target = s.targets()[last];
            assertThat(target).containsExactly(sym[1] == y ? new double[] {0, 1} : new double[] {1, 0});
            ySeen += sym[1] == y ? 1 : 0;
            extra += s.length() - (q + 3);
        }
        assertThat((double) ySeen / n).isCloseTo(0.5, within(0.015));
        // k distractors after the prefix: geometric with P(e) = 1/10 per step, mean 9
        assertThat((double) extra / n).isCloseTo(9.0, within(0.25));
        long total = java.util.Arrays.stream(distractorCount).sum();
        for (int c : distractorCount) {
            assertThat((double) c / total).isCloseTo(1.0 / p, within(0.01));
        }
    }

    @Test
    void theRegistryBuildsItWithThePapersCriterion() {
        Task task = TaskRegistry.create("long-lag-2c", Map.of("q", "50", "p", "50"));
        assertThat(task.inputSize()).isEqualTo(54);
        assertThat(task.outputSize()).isEqualTo(2);
        assertThat(task.settings()).containsEntry("q", "50").containsEntry("p", "50");
        assertThat(task.stoppingRule().window()).isEqualTo(10_000);
        assertThat(task.criterion().isCorrect(new double[] {0.81, 0.19}, new double[] {1, 0})).isTrue();
        assertThat(task.criterion().isCorrect(new double[] {0.79, 0.1}, new double[] {1, 0})).isFalse();
        assertThat(task.testSetSize()).isEqualTo(2560);
    }

    @Test
    void theSameSeedGivesTheSameSequences() {
        LongLag2cTask task = new LongLag2cTask(100, 100);
        Sequence a = task.generate(RandomStream.root(3));
        Sequence b = task.generate(RandomStream.root(3));
        assertThat(a.inputs()).isDeepEqualTo(b.inputs());
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> TaskRegistry.create("long-lag-2c", Map.of("q", "0"))).hasMessageContaining("q");
        assertThatThrownBy(() -> new LongLag2cTask(10, 0)).hasMessageContaining("p must be");
    }

    @Test
    void theCriterionSettingGivesTheLiteralAndTheAverageReading() {
        Task literal = TaskRegistry.create("long-lag-2c", Map.of());
        assertThat(literal.settings()).as("the default is not listed, so older trial keys stay").doesNotContainKey("criterion");
        assertThat(literal.stoppingRule().maxWrong()).isZero();
        Task average = TaskRegistry.create("long-lag-2c", Map.of("criterion", "average"));
        assertThat(average.settings()).containsEntry("criterion", "average");
        StoppingRule rule = average.stoppingRule();
        assertThat(rule.window()).isEqualTo(10_000);
        assertThat(rule.measure()).isEqualTo(StoppingRule.ErrorMeasure.ABSOLUTE);
        // a window whose final absolute errors average 0.19 meets it although a tenth of it is wrong
        RecentWindow w = new RecentWindow(10_000);
        for (int i = 0; i < 10_000; i++) {
            boolean wrong = i % 10 == 0;
            w.add(!wrong, wrong ? 0.55 : 0.15); // mean 0.1 * 0.55 + 0.9 * 0.15 = 0.19
        }
        assertThat(w.meanError()).isCloseTo(0.19, within(1e-9));
        assertThat(w.meets(rule)).isTrue();
        assertThat(w.meets(literal.stoppingRule())).isFalse();
        w.add(true, 0.19 + 10_000 * 0.02); // lifts the mean above 0.2
        assertThat(w.meets(rule)).isFalse();
        assertThatThrownBy(() -> TaskRegistry.create("long-lag-2c", Map.of("criterion", "mean")))
                .hasMessage("task long-lag-2c: criterion must be one of successive, average, was mean");
    }
}
