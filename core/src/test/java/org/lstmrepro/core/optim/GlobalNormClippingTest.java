package org.lstmrepro.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class GlobalNormClippingTest {

    /** Recurrent gradients (3, 0) and [[0, 4]] (norm 5), output-layer gradient (12). */
    private final ParameterSet ps = new ParameterSet();
    private final Parameter a = ps.add(Parameter.vector("a", 2));
    private final Parameter b = ps.add(Parameter.matrix("b", 1, 2));
    private final Parameter out = ps.add(Parameter.outputVector("out", 1));

    GlobalNormClippingTest() {
        a.gradient()[0] = 3.0;
        b.gradient()[1] = 4.0;
        out.gradient()[0] = 12.0;
    }

    private static double l2(double... v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void rescalesTheNormToTheThresholdKeepingTheDirection() {
        double scale = new GlobalNormClipping(1.3, true).clip(ps);
        // norm of (3, 0, 0, 4, 12) is 13
        assertThat(scale).isCloseTo(0.1, within(1e-15));
        double[] g = {a.gradient()[0], a.gradient()[1], b.gradient()[0], b.gradient()[1], out.gradient()[0]};
        assertThat(l2(g)).isCloseTo(1.3, within(1e-15));
        assertThat(g).containsExactly(new double[] {0.3, 0.0, 0.0, 0.4, 1.2}, within(1e-15));
    }

    @Test
    void leavesTheOutputLayerOutWhenExcluded() {
        double scale = new GlobalNormClipping(1.0, false).clip(ps);
        assertThat(scale).isCloseTo(0.2, within(1e-15)); // the norm is 5 without the output layer
        assertThat(a.gradient()).containsExactly(new double[] {0.6, 0.0}, within(1e-15));
        assertThat(b.gradient()).containsExactly(new double[] {0.0, 0.8}, within(1e-15));
        assertThat(out.gradient()).containsExactly(12.0);
    }

    @Test
    void changesNothingAtOrBelowTheThreshold() {
        assertThat(new GlobalNormClipping(13.0, true).clip(ps)).isEqualTo(1.0);
        assertThat(new GlobalNormClipping(5.0, false).clip(ps)).isEqualTo(1.0);
        assertThat(a.gradient()).containsExactly(3.0, 0.0);
        assertThat(b.gradient()).containsExactly(0.0, 4.0);
        assertThat(out.gradient()).containsExactly(12.0);
    }

    @Test
    void computesTheNormOfHugeGradientsWithoutOverflow() {
        a.gradient()[0] = 3e200;
        b.gradient()[1] = 4e200;
        GlobalNormClipping clipping = new GlobalNormClipping(1.0, false);
        assertThat(clipping.norm(ps)).isCloseTo(5e200, within(1e186));
        clipping.clip(ps);
        assertThat(a.gradient()[0]).isCloseTo(0.6, within(1e-14));
        assertThat(b.gradient()[1]).isCloseTo(0.8, within(1e-14));
    }

    @Test
    void leavesNonFiniteGradientsAloneAndReportsNaN() {
        a.gradient()[1] = Double.NaN;
        assertThat(new GlobalNormClipping(1.0, true).clip(ps)).isNaN();
        assertThat(a.gradient()[0]).isEqualTo(3.0);
        a.gradient()[1] = Double.POSITIVE_INFINITY;
        assertThat(new GlobalNormClipping(1.0, true).clip(ps)).isNaN();
        assertThat(out.gradient()[0]).isEqualTo(12.0);
    }

    @Test
    void validatesAndDescribesTheThreshold() {
        assertThatThrownBy(() -> new GlobalNormClipping(-1.0, true))
                .hasMessage("clipping threshold must be a positive finite number, was -1.0");
        assertThatThrownBy(() -> new GlobalNormClipping(Double.POSITIVE_INFINITY, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new GlobalNormClipping(1.0, false).describe()).isEqualTo("norm(threshold=1.0, outputLayer=excluded)");
    }
}
