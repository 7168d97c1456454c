package org.lstmrepro.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.random.RandomStream;

class RecentWindowTest {

    @Test
    void keepsOnlyTheMostRecentSequences() {
        RecentWindow w = new RecentWindow(3);
        w.add(false, 1.0);
        w.add(true, 0.0);
        w.add(true, 0.0);
        assertThat(w.isFull()).isTrue();
        assertThat(w.correctCount()).isEqualTo(2);
        assertThat(w.meets(new StoppingRule(0.5, 3))).isFalse();
        w.add(true, 0.0); // pushes out the wrong one
        assertThat(w.correctCount()).isEqualTo(3);
        assertThat(w.meanError()).isZero();
        assertThat(w.meets(new StoppingRule(0.5, 3))).isTrue();
    }

    @Test
    void notFullMeansNotMet() {
        RecentWindow w = new RecentWindow(2000);
        for (int i = 0; i < 1999; i++) {
            w.add(true, 0.0);
        }
        assertThat(w.meets(new StoppingRule(0.01, 2000))).isFalse();
        w.add(true, 0.0);
        assertThat(w.meets(new StoppingRule(0.01, 2000))).isTrue();
    }

    @Test
    void meanErrorMatchesADirectComputationOverManyCycles() {
        RecentWindow w = new RecentWindow(7);
        double[] last = new double[7];
        RandomStream rng = RandomStream.root(4);
        for (int i = 0; i < 1000; i++) {
            double e = rng.nextDouble() * 1e3;
            last[i % 7] = e;
            w.add(true, e);
        }
        double sum = 0;
        for (double e : last) {
            sum += e;
        }
        assertThat(w.meanError()).isCloseTo(sum / 7, within(1e-9));
    }

    @Test
    void aRuleMayAllowSomeWrongSequencesAndItsOverridesKeepThatAllowance() {
        StoppingRule twoWrong = new StoppingRule(0.5, 4, 2, StoppingRule.ErrorMeasure.SQUARED);
        RecentWindow w = new RecentWindow(4);
        w.add(false, 0.1);
        w.add(false, 0.1);
        w.add(false, 0.1);
        w.add(true, 0.1);
        assertThat(w.meets(twoWrong)).as("three wrong").isFalse();
        w.add(true, 0.1);
        assertThat(w.meets(twoWrong)).as("two wrong").isTrue();
        assertThat(w.meets(new StoppingRule(0.5, 4))).as("the paper's usual rule").isFalse();
        assertThat(twoWrong.withWindow(10).maxWrong()).isEqualTo(2);
        assertThat(twoWrong.withMaxAverageError(0.05).maxWrong()).isEqualTo(2);
        StoppingRule anyWrong = new StoppingRule(0.5, 4, 4, StoppingRule.ErrorMeasure.ABSOLUTE);
        assertThat(anyWrong.withWindow(100).maxWrong()).as("no condition on correctness stays none").isEqualTo(100);
        assertThat(anyWrong.withWindow(2).maxWrong()).isEqualTo(2);
        assertThat(w.meets(twoWrong.withMaxAverageError(0.05))).as("the average condition still holds").isFalse();
    }

    @Test
    void hostileRulesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new StoppingRule(0.5, 4, 5, StoppingRule.ErrorMeasure.SQUARED))
                .hasMessage("the wrong sequences a stopping window of 4 may hold must be from 0 to 4, was 5");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new StoppingRule(0.5, 4, -1, StoppingRule.ErrorMeasure.SQUARED)).hasMessageContaining("was -1");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new StoppingRule(0.5, 200, 139, StoppingRule.ErrorMeasure.SQUARED).withWindow(100))
                .hasMessageContaining("was 139");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StoppingRule(0.5, 4, 0, null))
                .hasMessageContaining("measure");
    }
}
