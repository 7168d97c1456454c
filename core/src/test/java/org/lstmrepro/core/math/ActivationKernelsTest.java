package org.lstmrepro.core.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link ActivationKernels}: the SIMD kernel ({@link VectorActivations}) and the scalar one
 * ({@link ScalarActivations}) give every element exactly the bits of the scalar functions of
 * {@link Exponential}, on random arrays that mix ordinary arguments with every branch boundary of the
 * scalar code (the exponential's range ±700, the saturation at ±40, tanh's ±20 and ±1/8, and their
 * neighbouring doubles), NaN, ±infinity, ±0 and subnormals, for lengths 0 to 13 (groups of four and
 * every tail), in place and from one array to another at offsets.
 */
class ActivationKernelsTest {

    private static final ActivationKernel SCALAR = new ScalarActivations();
    private static final ActivationKernel VECTOR = new VectorActivations();

    private static final double[] SPECIAL = specials();

    private final SplittableRandom random = new SplittableRandom(20261202);

    @Test
    void theBuildRunsTheSimdKernel() {
        assertThat(ActivationKernels.vectorised()).isTrue();
    }

    @Test
    void everyKernelGivesTheScalarFunctionsBitsOnEveryBranch() {
        for (Squash f : Squash.values()) {
            for (int trial = 0; trial < 3000; trial++) {
                int n = trial % 14;
                double amplitude = f == Squash.SYMMETRIC_SIGMOID ? amplitude() : 1.0;
                double[] src = arguments(n + 3);
                int srcOff = random.nextInt(0, 3);
                int dstOff = random.nextInt(0, 3);
                for (ActivationKernel kernel : new ActivationKernel[] {VECTOR, SCALAR}) {
                    String what = kernel.getClass().getSimpleName() + " " + f + " n=" + n + " amplitude=" + amplitude;
                    double[] dst = new double[n + 3];
                    kernel.apply(f, amplitude, src, srcOff, dst, dstOff, n);
                    double[] inPlace = src.clone();
                    kernel.apply(f, amplitude, inPlace, srcOff, inPlace, srcOff, n);
                    for (int i = 0; i < n + 3; i++) {
                        if (i >= dstOff && i < dstOff + n) {
                            assertBits(dst[i], f.scalar(src[srcOff + i - dstOff], amplitude), what, src[srcOff + i - dstOff]);
                        } else {
                            assertThat(dst[i]).as(what + ": outside the range at " + i).isEqualTo(0.0);
                        }
                        double expected = i >= srcOff && i < srcOff + n ? f.scalar(src[i], amplitude) : src[i];
                        assertBits(inPlace[i], expected, what + " in place", src[i]);
                    }
                }
            }
        }
    }

    @Test
    void thePublicFormsAreTheScalarFunctions() {
        double[] src = arguments(13);
        double[] a = src.clone();
        double[] b = new double[15];
        ActivationKernels.sigmoid(a, 0, 13);
        ActivationKernels.tanh(src, 0, b, 2, 13);
        double[] c = src.clone();
        ActivationKernels.symmetricSigmoid(c, 0, 13, 2.0);
        double[] d = new double[13];
        ActivationKernels.symmetricSigmoid(src, 0, d, 0, 13, 1.0);
        double[] e = src.clone();
        ActivationKernels.tanh(e, 0, 13);
        double[] s = new double[13];
        ActivationKernels.sigmoid(src, 0, s, 0, 13);
        for (int i = 0; i < 13; i++) {
            assertBits(a[i], Exponential.sigmoid(src[i]), "sigmoid in place", src[i]);
            assertBits(s[i], Exponential.sigmoid(src[i]), "sigmoid", src[i]);
            assertBits(b[i + 2], Exponential.tanh(src[i]), "tanh", src[i]);
            assertBits(e[i], Exponential.tanh(src[i]), "tanh in place", src[i]);
            assertBits(c[i], Exponential.symmetricSigmoid(src[i], 2.0), "g", src[i]);
            assertBits(d[i], Exponential.symmetricSigmoid(src[i], 1.0), "h", src[i]);
        }
    }

    @Test
    void applyGivesEachActivationsOwnBits() {
        for (Activation f : Activation.values()) {
            for (int n = 0; n <= 13; n++) {
                double[] src = arguments(n);
                double[] dst = new double[n];
                ActivationKernels.apply(f, src, 0, dst, 0, n);
                double[] inPlace = src.clone();
                ActivationKernels.apply(f, inPlace, 0, n);
                for (int i = 0; i < n; i++) {
                    assertBits(dst[i], f.apply(src[i]), f.id(), src[i]);
                    assertBits(inPlace[i], f.apply(src[i]), f.id() + " in place", src[i]);
                }
            }
        }
    }

    @Test
    void theSaturatedAndTheFallbackValuesAreTheScalarOnes() {
        // a whole group of each kind, so that the vector path (not the tail) decides
        double[][] groups = {
            {700.0, -700.0, 40.0, -40.0},
            {Math.nextUp(700.0), 1.0, 2.0, 3.0},
            {Double.NaN, 0.5, -0.5, 0.0},
            {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE},
            {20.0, Math.nextUp(20.0), -20.0, Math.nextDown(-20.0)},
            {0.125, Math.nextUp(0.125), -0.125, Math.nextDown(-0.125)},
            {350.0, -350.0, 699.0, -699.0},
        };
        for (double[] group : groups) {
            for (Squash f : Squash.values()) {
                double[] out = new double[4];
                VECTOR.apply(f, 2.0, group, 0, out, 0, 4);
                for (int i = 0; i < 4; i++) {
                    assertBits(out[i], f.scalar(group[i], 2.0), f.toString(), group[i]);
                }
            }
        }
    }

    private static void assertBits(double actual, double expected, String what, double x) {
        assertThat(Double.doubleToRawLongBits(actual)).as(what + " at x = " + x + " (" + actual + " against " + expected + ")")
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    /** Random arguments: mostly ordinary (several scales), a quarter from the special values. */
    private double[] arguments(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(8);
            x[i] = switch (kind) {
                case 0, 1 -> SPECIAL[random.nextInt(SPECIAL.length)];
                case 2 -> random.nextDouble(-0.2, 0.2);
                case 3 -> random.nextDouble(-50, 50);
                case 4 -> random.nextDouble(-800, 800);
                default -> 10 * gaussian();
            };
        }
        return x;
    }

    private double amplitude() {
        return switch (random.nextInt(4)) {
            case 0 -> 1.0;
            case 1 -> 2.0;
            case 2 -> -0.5;
            default -> random.nextDouble(0.1, 5);
        };
    }

    private double gaussian() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] specials() {
        double[] boundaries = {700.0, 40.0, 20.0, 0.125, 350.0, 0.0, Double.MIN_NORMAL, 1400.0, 1e300};
        double[] out = new double[boundaries.length * 6 + 5];
        int k = 0;
        for (double b : boundaries) {
            for (double s : new double[] {b, -b}) {
                out[k++] = s;
                out[k++] = Math.nextUp(s);
                out[k++] = Math.nextDown(s);
            }
        }
        out[k++] = Double.NaN;
        out[k++] = Double.POSITIVE_INFINITY;
        out[k++] = Double.NEGATIVE_INFINITY;
        out[k++] = Double.MIN_VALUE;
        out[k] = -Double.MIN_NORMAL / 3;
        return out;
    }
}
