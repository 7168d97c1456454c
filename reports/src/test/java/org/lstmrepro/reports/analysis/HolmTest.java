package org.lstmrepro.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void stepsDownThroughTheSortedPValues() {
        // sorted: 0.005 x4 = 0.02; 0.01 x3 = 0.03; 0.03 x2 = 0.06; 0.04 x1 = 0.04, kept monotone at 0.06
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void capsAtOneAndSkipsMissingTests() {
        double[] adjusted = Holm.adjust(new double[] {0.6, Double.NaN, 0.2});
        // m = 2: 0.2 x2 = 0.4; 0.6 x1 = 0.6
        assertThat(adjusted[0]).isCloseTo(0.6, within(1e-15));
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isCloseTo(0.4, within(1e-15));
        assertThat(Holm.adjust(new double[] {0.9, 0.8})).containsExactly(1.0, 1.0);
    }
}
