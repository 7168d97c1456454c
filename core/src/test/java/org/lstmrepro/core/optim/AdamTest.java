package org.lstmrepro.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class AdamTest {

    @Test
    void twoStepsFollowKingmaAndBaAlgorithmOne() {
        ParameterSet ps = new ParameterSet();
        Parameter w = ps.add(Parameter.vector("w", 2));
        w.value()[0] = 1.0;
        w.value()[1] = -1.0;
        Adam adam = new Adam(0.1); // beta1 0.9, beta2 0.999, eps 1e-8

        w.gradient()[0] = 0.5;
        w.gradient()[1] = -2.0;
        adam.step(ps);
        // t = 1: m = 0.1 g, v = 0.001 g^2; bias correction gives m^ = g, v^ = g^2,
        // so the first step is lr * g / (|g| + eps): almost exactly lr against the gradient's sign.
        double w0 = 1.0 - 0.1 * 0.5 / (0.5 + 1e-8);
        double w1 = -1.0 - 0.1 * -2.0 / (2.0 + 1e-8);
        assertThat(w.value()[0]).isCloseTo(w0, within(1e-15));
        assertThat(w.value()[1]).isCloseTo(w1, within(1e-15));

        w.gradient()[0] = -1.0;
        w.gradient()[1] = 3.0;
        adam.step(ps);
        // t = 2, worked out by hand:
        // m = 0.9 * (0.05, -0.2) + 0.1 * (-1, 3)               = (-0.055, 0.12)
        // v = 0.999 * (0.00025, 0.004) + 0.001 * (1, 9)         = (0.00124975, 0.012996)
        // 1 - 0.9^2 = 0.19, 1 - 0.999^2 = 0.001999
        w0 -= 0.1 * (-0.055 / 0.19) / (Math.sqrt(0.00124975 / 0.001999) + 1e-8);
        w1 -= 0.1 * (0.12 / 0.19) / (Math.sqrt(0.012996 / 0.001999) + 1e-8);
        assertThat(w.value()[0]).isCloseTo(w0, within(1e-12));
        assertThat(w.value()[1]).isCloseTo(w1, within(1e-12));
        // sanity on the magnitudes: |step| = 0.1 * 0.28947 / 0.79069 ~ 0.0366 and 0.1 * 0.63158 / 2.54975 ~ 0.0248
        assertThat(w0 - 0.9).isCloseTo(0.0366, within(1e-4));
        assertThat(w1 + 0.9).isCloseTo(-0.0248, within(1e-4));
        assertThat(adam.steps()).isEqualTo(2);
    }

    @Test
    void convergesOnAnIllConditionedQuadratic() {
        Quadratic q = new Quadratic(new double[] {1.0, 100.0}, new double[] {1.0, 1.0});
        assertThat(q.minimise(new Adam(0.05), 500)).isLessThan(1e-4);
    }

    @Test
    void describesItsSettings() {
        assertThat(new Adam(0.001).describe()).isEqualTo("adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8)");
    }

    @Test
    void rejectsBadSettingsByName() {
        assertThatThrownBy(() -> new Adam(0.1, 1.0, 0.999, 1e-8)).hasMessage("beta1 must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new Adam(0.1, 0.9, -0.5, 1e-8)).hasMessage("beta2 must be in [0, 1), was -0.5");
        assertThatThrownBy(() -> new Adam(0.1, 0.9, 0.999, 0.0))
                .hasMessage("epsilon must be a positive finite number, was 0.0");
    }
}
