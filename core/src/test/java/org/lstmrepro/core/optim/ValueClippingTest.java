package org.lstmrepro.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class ValueClippingTest {

    private final ParameterSet ps = new ParameterSet();
    private final Parameter w = ps.add(Parameter.matrix("w", 2, 2));
    private final Parameter out = ps.add(Parameter.outputVector("out", 2));

    ValueClippingTest() {
        System.arraycopy(new double[] {-7.0, 2.0, 10.0, -5.0}, 0, w.gradient(), 0, 4);
        System.arraycopy(new double[] {20.0, -1.0}, 0, out.gradient(), 0, 2);
    }

    @Test
    void clipsEachEntryToTheLimitAndReportsTheSmallestRatio() {
        double ratio = new ValueClipping(5.0, true).clip(ps);
        assertThat(w.gradient()).containsExactly(-5.0, 2.0, 5.0, -5.0);
        assertThat(out.gradient()).containsExactly(5.0, -1.0);
        assertThat(ratio).isEqualTo(0.25); // 5 / 20
    }

    @Test
    void leavesTheOutputLayerOutWhenExcluded() {
        double ratio = new ValueClipping(5.0, false).clip(ps);
        assertThat(w.gradient()).containsExactly(-5.0, 2.0, 5.0, -5.0);
        assertThat(out.gradient()).containsExactly(20.0, -1.0);
        assertThat(ratio).isEqualTo(0.5); // 5 / 10
    }

    @Test
    void changesNothingWithinTheLimit() {
        assertThat(new ValueClipping(20.0, true).clip(ps)).isEqualTo(1.0);
        assertThat(w.gradient()).containsExactly(-7.0, 2.0, 10.0, -5.0);
        assertThat(out.gradient()).containsExactly(20.0, -1.0);
    }

    @Test
    void validatesAndDescribesTheLimit() {
        assertThatThrownBy(() -> new ValueClipping(0.0, true))
                .hasMessage("clipping limit must be a positive finite number, was 0.0");
        assertThat(new ValueClipping(5.0, true).describe()).isEqualTo("value(limit=5.0, outputLayer=included)");
    }
}
