package org.lstmrepro.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Exponential} against {@link StrictMath#exp} (fdlibm, within 1 ulp of the exact value). */
class ExponentialTest {

    /** How far {@code actual} is from {@code expected}, in units in the last place of {@code expected}. */
    private static double ulps(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    private static double ulpsFromStrictMath(double x) {
        return ulps(Exponential.exp(x), StrictMath.exp(x));
    }

    @Test
    void isWithinTwoUlpOfStrictMathOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-700, 700) : random.nextDouble(-30, 30);
            worst = Math.max(worst, ulpsFromStrictMath(x));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void isWithinTwoUlpAtTheReductionsBoundaries() {
        // x near multiples of ln2 / 64, where the table index and the reduced argument change
        double step = Math.log(2.0) / 64;
        for (int n = -64 * 1010; n <= 64 * 1010; n += 37) {
            for (double eps : new double[] {-1e-12, 0, 1e-12, step / 2, -step / 2}) {
                double x = n * step + eps;
                if (Math.abs(x) <= 700) {
                    assertThat(ulpsFromStrictMath(x)).as("x = %s", x).isLessThanOrEqualTo(2.0);
                }
            }
        }
    }

    @Test
    void exactValuesAndTheEdges() {
        assertThat(Exponential.exp(0.0)).isEqualTo(1.0);
        assertThat(Exponential.exp(-0.0)).isEqualTo(1.0);
        assertThat(Exponential.exp(Double.NaN)).isNaN();
        assertThat(Exponential.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exponential.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Exponential.exp(710.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exponential.exp(-746.0)).isEqualTo(0.0);
        assertThat(Exponential.exp(700.0)).isCloseTo(StrictMath.exp(700.0), withinPercentage(1e-12));
        assertThat(Exponential.exp(-700.0)).isCloseTo(StrictMath.exp(-700.0), withinPercentage(1e-12));
    }

    @Test
    void sigmoidIsTheLogisticFunctionAndSaturatesCleanly() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            double x = random.nextDouble(-40, 40);
            double expected = 1.0 / (1.0 + StrictMath.exp(-x));
            assertThat(Math.abs(Exponential.sigmoid(x) - expected)).isLessThanOrEqualTo(4 * Math.ulp(expected));
        }
        assertThat(Exponential.sigmoid(1000.0)).isEqualTo(1.0);
        assertThat(Exponential.sigmoid(-1000.0)).isEqualTo(0.0);
        assertThat(Exponential.sigmoid(0.0)).isEqualTo(0.5);
    }

    /** tanh against {@link StrictMath#tanh} (fdlibm, within 1 ulp), in ulps of StrictMath's value. */
    private static double tanhUlps(double x) {
        return ulps(Exponential.tanh(x), StrictMath.tanh(x));
    }

    @Test
    void tanhIsWithinItsDocumentedBoundOfStrictMath() {
        SplittableRandom random = new SplittableRandom(7);
        double worstSeries = 0;
        double worstRatio = 0;
        for (int i = 0; i < 200_000; i++) {
            worstSeries = Math.max(worstSeries, tanhUlps(random.nextDouble(-0.125, 0.125)));
            double x = i % 2 == 0 ? random.nextDouble(-20, 20) : random.nextDouble(-1, 1);
            if (Math.abs(x) > 0.125) {
                worstRatio = Math.max(worstRatio, tanhUlps(x));
            }
        }
        assertThat(worstSeries).isLessThanOrEqualTo(2.0);
        assertThat(worstRatio).isLessThanOrEqualTo(8.0);
        for (double tiny : new double[] {1e-300, 1e-20, 1e-9, 0x1p-1022}) {
            assertThat(Exponential.tanh(tiny)).isEqualTo(StrictMath.tanh(tiny));
        }
    }

    @Test
    void tanhIsOddSaturatesToOneAndKeepsNanAndSignedZeros() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 10_000; i++) {
            double x = random.nextDouble(-30, 30);
            assertThat(Exponential.tanh(-x)).isEqualTo(-Exponential.tanh(x));
        }
        assertThat(Exponential.tanh(20.5)).isEqualTo(1.0);
        assertThat(Exponential.tanh(-1e6)).isEqualTo(-1.0);
        assertThat(Exponential.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Exponential.tanh(Double.NaN)).isNaN();
        assertThat(Double.doubleToRawLongBits(Exponential.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(Exponential.tanh(0.0))).isEqualTo(0L);
    }
}
