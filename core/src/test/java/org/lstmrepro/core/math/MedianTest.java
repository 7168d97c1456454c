package org.lstmrepro.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void isTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertThat(Median.of(new double[] {3, 1, 2})).isEqualTo(2.0);
        assertThat(Median.of(new double[] {4, 1, 2, 10})).isEqualTo(3.0);
        assertThat(Median.of(new double[] {1000, 3001})).isEqualTo(2000.5); // not rounded down
        assertThat(Median.of(new double[] {7})).isEqualTo(7.0);
        double[] unsorted = {5, 1, 3};
        Median.of(unsorted);
        assertThat(unsorted).containsExactly(5, 1, 3);
        assertThatThrownBy(() -> Median.of(new double[0])).hasMessageContaining("empty");
    }
}
