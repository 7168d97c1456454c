package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.analysis.Holm;
import org.lstmrepro.reports.store.TrialRecord;

class VariantStatisticsTest {

    private static TrialRecord withMse(double mse) {
        return new TrialRecord("k", "e", "t", "m", Map.of(), Map.of(), RunStatus.SOLVED, 1, 0, 1, mse, 0.1, 1, 0, List.of(), null, "c");
    }

    private static List<TrialRecord> trials(double... mse) {
        return java.util.Arrays.stream(mse).mapToObj(VariantStatisticsTest::withMse).toList();
    }

    @Test
    void twoAgainstTwoWithoutOverlapIsOneThirdExactlyNotTheAsymptoticPointOneTwo() {
        // of the C(4,2) = 6 splits, U = 0 and U = 4 are as extreme as observed: p = 2/6
        VariantTest t = VariantTest.compare("v", trials(0.3, 0.4), "b", trials(0.1, 0.2), VariantTest.TEST_MSE);
        assertThat(t.exactU()).isTrue();
        assertThat(t.mannWhitneyP()).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void exactUAgreesWithEnumeratingEverySplitOnRandomSmallSamples() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 40; trial++) {
            double[] a = random.doubles(2 + random.nextInt(5)).toArray();
            double[] b = random.doubles(2 + random.nextInt(5)).toArray();
            VariantTest t = VariantTest.compare("v", trials(a), "b", trials(b), VariantTest.TEST_MSE);
            assertThat(t.exactU()).isTrue();
            assertThat(t.mannWhitneyP()).as("trial %d", trial).isCloseTo(ExactU.pValue(a, b), within(1e-12));
        }
    }

    @Test
    void tiesFallBackToTheNormalApproximationAndSaySo() {
        VariantTest t = VariantTest.compare("v", trials(0.1, 0.2, 0.2), "b", trials(0.2, 0.3, 0.4), VariantTest.TEST_MSE);
        assertThat(t.exactU()).isFalse();
        assertThat(t.mannWhitneyP()).isBetween(0.0, 1.0);
    }

    @Test
    void holmMultipliesTheSortedPValuesByTheRemainingCountAndKeepsThemMonotone() {
        // sorted 0.005 0.01 0.03 0.04: x4 = 0.02, x3 = 0.03, x2 = 0.06, x1 = 0.04 -> raised to 0.06
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, Double.NaN, 0.03, 0.005});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[2]).isNaN();
        assertThat(adjusted[3]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[4]).isCloseTo(0.02, within(1e-12));
        assertThat(Holm.adjust(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }

    @Test
    void holmNeverLowersAPValue() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] p = random.doubles(1 + random.nextInt(20)).toArray();
            double[] adjusted = Holm.adjust(p);
            for (int i = 0; i < p.length; i++) {
                assertThat(adjusted[i]).isBetween(p[i], 1.0);
            }
        }
    }
}
