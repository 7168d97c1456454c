package org.lstmrepro.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The products of {@link Kernels}: the SIMD kernel ({@link VectorProducts}) equals the scalar one
 * ({@link ScalarProducts}) bit for bit on random shapes (sizes that fill no tile, no vector, or leave
 * tails of every kind; both layouts of A; offsets; the overwriting and the accumulating form), the
 * untransposed {@link Kernels#multTransB} equals {@link Kernels#mult} on the transpose bit for bit, and
 * all of them equal the textbook sum up to round-off.
 */
class KernelsTest {

    private static final ProductKernel SCALAR = new ScalarProducts();
    private static final ProductKernel VECTOR = new VectorProducts();

    private final SplittableRandom random = new SplittableRandom(20261201);

    @Test
    void theBuildRunsTheSimdKernel() {
        // surefire's argLine adds the module, as the launcher does: the tests exercise the SIMD path
        assertThat(Kernels.vectorised()).as(Kernels.path()).isTrue();
    }

    @Test
    void vectorAndScalarKernelsAgreeBitForBitOnRandomShapes() {
        for (int trial = 0; trial < 400; trial++) {
            int n = random.nextInt(1, 11);
            int k = random.nextInt(0, 40);
            int m = random.nextInt(1, 71);
            boolean transposedA = random.nextBoolean();
            boolean add = random.nextBoolean();
            int aOff = random.nextInt(0, 5);
            int bOff = random.nextInt(0, 5);
            int ldb = m + random.nextInt(0, 3);
            double[] a = values(aOff + n * k);
            double[] b = values(bOff + k * ldb);
            double[] c = values(n * m);
            double[] cScalar = c.clone();
            double[] cVector = c.clone();
            int ars = transposedA ? 1 : k;           // A [n, k] row-major, or Aᵀ stored [k, n]
            int acs = transposedA ? n : 1;
            SCALAR.mult(a, aOff, ars, acs, b, bOff, ldb, cScalar, n, k, m, add);
            VECTOR.mult(a, aOff, ars, acs, b, bOff, ldb, cVector, n, k, m, add);
            String shape = "n=" + n + " k=" + k + " m=" + m + " transposedA=" + transposedA + " add=" + add;
            for (int i = 0; i < c.length; i++) {
                assertThat(Double.doubleToRawLongBits(cVector[i])).as(shape + " entry " + i)
                        .isEqualTo(Double.doubleToRawLongBits(cScalar[i]));
                double sum = add ? c[i] : 0;
                int r = i / m;
                int j = i % m;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + r * ars + p * acs] * b[bOff + p * ldb + j];
                }
                assertThat(cScalar[i]).as(shape + " entry " + i).isCloseTo(sum, within(1e-12));
            }
        }
    }

    @Test
    void theUntransposedFormGivesTheBitsOfTheProductWithTheTranspose() {
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(1, 11);
            int k = random.nextInt(1, 40);
            int m = random.nextInt(1, 71);
            boolean add = random.nextBoolean();
            double[] a = values(n * k);
            double[] b = values(m * k);              // [m, k]
            double[] bT = new double[k * m];
            Kernels.transpose(b, m, k, bT);
            double[] c = values(n * m);
            double[] direct = c.clone();
            double[] scalar = c.clone();
            double[] vector = c.clone();
            Kernels.multTransB(a, n, k, b, m, direct, add);
            SCALAR.mult(a, 0, k, 1, bT, 0, m, scalar, n, k, m, add);
            VECTOR.mult(a, 0, k, 1, bT, 0, m, vector, n, k, m, add);
            for (int i = 0; i < c.length; i++) {
                assertThat(Double.doubleToRawLongBits(direct[i])).as("n=%d k=%d m=%d entry %d", n, k, m, i)
                        .isEqualTo(Double.doubleToRawLongBits(scalar[i]))
                        .isEqualTo(Double.doubleToRawLongBits(vector[i]));
            }
        }
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        double[] s = {1, 2, 3, 4, 5, 6};             // [2, 3]
        double[] t = new double[6];
        Kernels.transpose(s, 2, 3, t);
        assertThat(t).containsExactly(1, 4, 2, 5, 3, 6);
    }

    private double[] values(int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextDouble(-1, 1) * Math.scalb(1.0, random.nextInt(-4, 5));
        }
        return v;
    }
}
