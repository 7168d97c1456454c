package org.lstmrepro.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ActivationTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferences(Activation f) {
        double h = 1e-5;
        for (double x = -6; x <= 6; x += 0.37) {
            double numeric = (f.apply(x + h) - f.apply(x - h)) / (2 * h);
            assertThat(f.derivative(x)).as("%s'(%s)", f, x).isCloseTo(numeric, within(1e-8));
        }
    }

    @Test
    void the1997SquashingFunctionsHaveThePapersRanges() {
        // Hochreiter & Schmidhuber 1997, section 5: g in [-2, 2], h in [-1, 1], both centred at 0.
        assertThat(Activation.G_1997.apply(0)).isZero();
        assertThat(Activation.H_1997.apply(0)).isZero();
        assertThat(Activation.G_1997.apply(40)).isCloseTo(2.0, within(1e-12));
        assertThat(Activation.G_1997.apply(-40)).isCloseTo(-2.0, within(1e-12));
        assertThat(Activation.H_1997.apply(40)).isCloseTo(1.0, within(1e-12));
        assertThat(Activation.H_1997.apply(-40)).isCloseTo(-1.0, within(1e-12));
        // g = 4 sigma - 2 and h = 2 sigma - 1 = tanh(x / 2)
        for (double x = -5; x <= 5; x += 0.5) {
            assertThat(Activation.G_1997.apply(x)).isCloseTo(4 * Activation.SIGMOID.apply(x) - 2, within(1e-14));
            assertThat(Activation.H_1997.apply(x)).isCloseTo(Math.tanh(x / 2), within(1e-14));
        }
    }

    @Test
    void idsRoundTrip() {
        for (Activation a : Activation.values()) {
            assertThat(Activation.fromId(a.id())).isSameAs(a);
        }
    }
}
