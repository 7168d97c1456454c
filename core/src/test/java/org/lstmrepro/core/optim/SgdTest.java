package org.lstmrepro.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class SgdTest {

    @Test
    void movesEveryWeightAgainstItsGradient() {
        ParameterSet ps = new ParameterSet();
        Parameter a = ps.add(Parameter.vector("a", 2));
        Parameter b = ps.add(Parameter.outputMatrix("b", 1, 1));
        a.value()[0] = 1.0;
        a.value()[1] = -2.0;
        a.gradient()[0] = 0.5;
        a.gradient()[1] = 0.25;
        b.value()[0] = 3.0;
        b.gradient()[0] = -4.0;

        new Sgd(0.1).step(ps);

        // w - lr * g by hand: 1 - 0.05, -2 - 0.025, 3 + 0.4
        assertThat(a.value()[0]).isCloseTo(0.95, within(1e-15));
        assertThat(a.value()[1]).isCloseTo(-2.025, within(1e-15));
        assertThat(b.value()[0]).isCloseTo(3.4, within(1e-15));
        assertThat(a.gradient()).containsExactly(0.5, 0.25); // the optimizer does not zero gradients
    }

    @Test
    void describesItsLearningRate() {
        assertThat(new Sgd(0.5).describe()).isEqualTo("sgd(lr=0.5)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsALearningRateThatIsNotPositiveAndFinite(double lr) {
        assertThatThrownBy(() -> new Sgd(lr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate must be a positive finite number, was " + lr);
    }
}
