package org.lstmrepro.core.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The chain kernels of {@link Kernels} ({@link Kernels#affineChains}, {@link Kernels#outerChains},
 * {@link Kernels#sumChains}): the SIMD form ({@link VectorChains}) and the scalar form
 * ({@link ScalarChains}) both give, bit for bit, the chains their contracts define, written out here one
 * element at a time, on random shapes (widths and row counts that fill no vector or leave tails, sparse
 * input lists, empty ranges, zero steps); the elements outside the named columns stay as they were.
 */
class ChainKernelsTest {

    private static final ChainKernel SCALAR = new ScalarChains();
    private static final ChainKernel VECTOR = new VectorChains();

    private final SplittableRandom random = new SplittableRandom(20261202);

    @Test
    void affineChainsAreTheBiasFirstChainOverTheListedThenTheDenseSources() {
        for (int trial = 0; trial < 400; trial++) {
            int width = random.nextInt(1, 24);
            int ld = width + random.nextInt(0, 3);
            int inputs = random.nextInt(0, 9);
            int sources = inputs + random.nextInt(0, 12);
            int[] list = new int[inputs];
            int listCount = 0;
            for (int i = 0; i < inputs; i++) {
                if (random.nextBoolean()) {
                    list[listCount++] = i;
                }
            }
            double[] wt = values((sources + 1) * ld);
            double[] z = values(sources);
            int outOff = random.nextInt(0, 4);
            double[] before = values(outOff + width + 2);
            double[] expected = before.clone();
            for (int j = 0; j < width; j++) {
                double s = wt[j];
                for (int k = 0; k < listCount; k++) {
                    s = Math.fma(wt[(list[k] + 1) * ld + j], z[list[k]], s);
                }
                for (int m = inputs; m < sources; m++) {
                    s = Math.fma(wt[(m + 1) * ld + j], z[m], s);
                }
                expected[outOff + j] = s;
            }
            double[] scalar = before.clone();
            double[] vector = before.clone();
            SCALAR.affineChains(wt, ld, width, z, list, listCount, inputs, sources, scalar, outOff);
            VECTOR.affineChains(wt, ld, width, z, list, listCount, inputs, sources, vector, outOff);
            String shape = "width=" + width + " ld=" + ld + " inputs=" + inputs + " listed=" + listCount + " sources=" + sources;
            assertSameBits(scalar, expected, shape + " scalar");
            assertSameBits(vector, expected, shape + " vector");
        }
    }

    @Test
    void outerChainsAddEachStepsOuterProductToTheNamedColumnsInStepOrder() {
        for (int trial = 0; trial < 300; trial++) {
            int rows = 8 * random.nextInt(1, 4);
            int groupsTotal = random.nextInt(1, 6);
            int ldc = 4 * groupsTotal;
            int firstDense = 4 * random.nextInt(0, groupsTotal + 1);
            int[] groups = new int[groupsTotal];
            int groupCount = 0;
            for (int g = firstDense - 4; g >= 0; g -= 4) {           // any order: the kernel must not care
                if (random.nextBoolean()) {
                    groups[groupCount++] = g;
                }
            }
            int steps = random.nextInt(0, 18);
            int ldq = rows + random.nextInt(0, 3);
            double[] q = values(Math.max(1, steps * ldq));
            double[][] z = new double[steps][];
            for (int k = 0; k < steps; k++) {
                z[k] = values(ldc + random.nextInt(0, 3));
            }
            double[] before = values(rows * ldc);
            double[] expected = before.clone();
            boolean[] named = new boolean[ldc];
            for (int g = 0; g < groupCount; g++) {
                for (int j = groups[g]; j < groups[g] + 4; j++) {
                    named[j] = true;
                }
            }
            for (int j = firstDense; j < ldc; j++) {
                named[j] = true;
            }
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < ldc; j++) {
                    if (named[j]) {
                        double s = before[r * ldc + j];
                        for (int k = 0; k < steps; k++) {
                            s = Math.fma(q[k * ldq + r], z[k][j], s);
                        }
                        expected[r * ldc + j] = s;
                    }
                }
            }
            double[] scalar = before.clone();
            double[] vector = before.clone();
            SCALAR.outerChains(scalar, ldc, rows, groups, groupCount, firstDense, ldc, q, ldq, z, steps);
            VECTOR.outerChains(vector, ldc, rows, groups, groupCount, firstDense, ldc, q, ldq, z, steps);
            String shape = "rows=" + rows + " ldc=" + ldc + " groups=" + groupCount + " firstDense=" + firstDense
                    + " steps=" + steps;
            assertSameBits(scalar, expected, shape + " scalar");
            assertSameBits(vector, expected, shape + " vector");
        }
    }

    @Test
    void sumChainsAddTheStepsInOrder() {
        for (int trial = 0; trial < 300; trial++) {
            int rows = random.nextInt(0, 14);
            int steps = random.nextInt(0, 18);
            int ldq = rows + random.nextInt(0, 3);
            double[] q = values(Math.max(1, steps * ldq));
            double[] before = values(rows + 2);
            double[] expected = before.clone();
            for (int r = 0; r < rows; r++) {
                double s = before[r];
                for (int k = 0; k < steps; k++) {
                    s += q[k * ldq + r];
                }
                expected[r] = s;
            }
            double[] scalar = before.clone();
            double[] vector = before.clone();
            SCALAR.sumChains(scalar, rows, q, ldq, steps);
            VECTOR.sumChains(vector, rows, q, ldq, steps);
            assertSameBits(scalar, expected, "rows=" + rows + " steps=" + steps + " scalar");
            assertSameBits(vector, expected, "rows=" + rows + " steps=" + steps + " vector");
        }
    }

    private static void assertSameBits(double[] actual, double[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as(what + " entry " + i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    /** Values over 9 binary orders of magnitude, so that the order of the operations shows in the bits. */
    private double[] values(int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextDouble(-1, 1) * Math.scalb(1.0, random.nextInt(-4, 5));
        }
        return v;
    }
}
