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

    /** e^x to 60 digits by its Taylor series in BigDecimal (no double arithmetic): the reference below. */
    static java.math.BigDecimal exp(double x) {
        java.math.MathContext mc = new java.math.MathContext(120);
        java.math.BigDecimal bx = new java.math.BigDecimal(Math.abs(x));
        java.math.BigDecimal sum = java.math.BigDecimal.ONE;
        java.math.BigDecimal term = java.math.BigDecimal.ONE;
        for (int k = 1; k < 400; k++) {
            term = term.multiply(bx, mc).divide(java.math.BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return x >= 0 ? sum : java.math.BigDecimal.ONE.divide(sum, mc);
    }

    /** f'(x) from cosh, in 120-digit arithmetic: tanh' = 1/cosh^2 x, sigma' = 1/(4 cosh^2(x/2)). */
    static double reference(Activation f, double x) {
        java.math.MathContext mc = new java.math.MathContext(120);
        double half = f == Activation.TANH ? x : x / 2;
        java.math.BigDecimal cosh = exp(half).add(exp(-half), mc).divide(java.math.BigDecimal.valueOf(2), mc);
        java.math.BigDecimal sech2 = java.math.BigDecimal.ONE.divide(cosh.multiply(cosh, mc), mc);
        double scale = switch (f) {
            case TANH -> 1;
            case SIGMOID -> 0.25;
            case G_1997 -> 1;   // 4 sigma'
            case H_1997 -> 0.5; // 2 sigma'
            default -> throw new IllegalArgumentException(f.toString());
        };
        return sech2.multiply(new java.math.BigDecimal(scale), mc).doubleValue();
    }

    /**
     * In deep saturation (|x| = 30, and up to 40) the derivative from the net input keeps full precision,
     * where the form through the output y = f(x) keeps almost none (and is exactly 0 for h below -37).
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "G_1997", "H_1997"})
    void derivativesStayAccurateInDeepSaturation(Activation f) {
        for (double x : new double[] {30, -30, 25, -28, 37.5, -40, 3, -0.5}) {
            double expected = reference(f, x);
            assertThat(expected).isPositive();
            assertThat(f.derivative(x)).as("%s'(%s)", f, x).isCloseTo(expected, within(2e-15 * expected));
            // from y where y is not saturated: the class's bound, a relative error below 1e-13
            assertThat(f.derivative(x, f.apply(x))).as("%s'(%s) given y", f, x).isCloseTo(expected, within(1e-13 * expected));
        }
        // what the output-based form gives at |x| = 30: most digits gone (tanh and sigmoid: the difference 1 - y)
        double y = f.apply(30);
        double fromOutput = f.derivativeFromOutput(y);
        assertThat(Math.abs(fromOutput - reference(f, 30)) / reference(f, 30)).as("%s from the output", f).isGreaterThan(1e-4);
    }

    @Test
    void hBelowMinus37HasANonZeroSlopeFromTheNetInputOnly() {
        Activation h = Activation.H_1997;
        assertThat(h.derivativeFromOutput(h.apply(-40))).isZero();
        assertThat(h.derivative(-40)).isCloseTo(reference(h, -40), within(1e-30)).isPositive();
    }

    @Test
    void idsRoundTrip() {
        for (Activation a : Activation.values()) {
            assertThat(Activation.fromId(a.id())).isSameAs(a);
        }
    }
}
