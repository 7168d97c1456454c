package org.lstmrepro.core.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD form of the chain kernels of {@link Kernels}, on the Vector API with the fixed species
 * {@link DoubleVector#SPECIES_256} (4 lanes): the lanes run over independent result elements (four
 * adjacent columns, or four adjacent rows for {@link #sumChains}), each lane performing exactly the
 * chain {@link ScalarChains} performs for its element; lane-wise {@code fma} and {@code add} are the
 * IEEE 754 operations and no lane is combined with another, so the two agree to the last bit.
 *
 * <p>The traps of {@link VectorProducts}' javadoc apply: no vector crosses a method call or is merged
 * from two branches. Only loaded when the module is present ({@link Kernels}); never reference it
 * directly.
 */
final class VectorChains implements ChainKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    @Override
    public void affineChains(double[] wt, int ld, int width, double[] z, int[] list, int listCount, int denseFrom,
                             int denseTo, double[] out, int outOff) {
        int j = 0;
        for (; j + 2 * L <= width; j += 2 * L) {
            DoubleVector s0 = DoubleVector.fromArray(S, wt, j);
            DoubleVector s1 = DoubleVector.fromArray(S, wt, j + L);
            for (int k = 0; k < listCount; k++) {
                int m = list[k];
                DoubleVector zm = DoubleVector.broadcast(S, z[m]);
                int w = (m + 1) * ld + j;
                s0 = DoubleVector.fromArray(S, wt, w).fma(zm, s0);
                s1 = DoubleVector.fromArray(S, wt, w + L).fma(zm, s1);
            }
            for (int m = denseFrom; m < denseTo; m++) {
                DoubleVector zm = DoubleVector.broadcast(S, z[m]);
                int w = (m + 1) * ld + j;
                s0 = DoubleVector.fromArray(S, wt, w).fma(zm, s0);
                s1 = DoubleVector.fromArray(S, wt, w + L).fma(zm, s1);
            }
            s0.intoArray(out, outOff + j);
            s1.intoArray(out, outOff + j + L);
        }
        for (; j + L <= width; j += L) {
            DoubleVector s0 = DoubleVector.fromArray(S, wt, j);
            for (int k = 0; k < listCount; k++) {
                int m = list[k];
                s0 = DoubleVector.fromArray(S, wt, (m + 1) * ld + j).fma(DoubleVector.broadcast(S, z[m]), s0);
            }
            for (int m = denseFrom; m < denseTo; m++) {
                s0 = DoubleVector.fromArray(S, wt, (m + 1) * ld + j).fma(DoubleVector.broadcast(S, z[m]), s0);
            }
            s0.intoArray(out, outOff + j);
        }
        for (; j < width; j++) {
            out[outOff + j] = ScalarChains.affineChain(wt, ld, j, z, list, listCount, denseFrom, denseTo);
        }
    }

    @Override
    public void outerChains(double[] c, int ldc, int rows, int[] groups, int groupCount, int denseFrom, int denseTo,
                            double[] q, int ldq, double[][] z, int steps) {
        for (int r = 0; r < rows; r += 2 * L) {
            for (int g = 0; g < groupCount; g++) {
                tile8(c, ldc, r, groups[g], q, ldq, z, steps);
            }
            for (int m = denseFrom; m < denseTo; m += L) {
                tile8(c, ldc, r, m, q, ldq, z, steps);
            }
        }
    }

    /** Rows r .. r+7, columns m .. m+3 of c: eight accumulators over the steps. */
    private static void tile8(double[] c, int ldc, int r, int m, double[] q, int ldq, double[][] z, int steps) {
        int t0 = r * ldc + m;
        DoubleVector a0 = DoubleVector.fromArray(S, c, t0);
        DoubleVector a1 = DoubleVector.fromArray(S, c, t0 + ldc);
        DoubleVector a2 = DoubleVector.fromArray(S, c, t0 + 2 * ldc);
        DoubleVector a3 = DoubleVector.fromArray(S, c, t0 + 3 * ldc);
        DoubleVector a4 = DoubleVector.fromArray(S, c, t0 + 4 * ldc);
        DoubleVector a5 = DoubleVector.fromArray(S, c, t0 + 5 * ldc);
        DoubleVector a6 = DoubleVector.fromArray(S, c, t0 + 6 * ldc);
        DoubleVector a7 = DoubleVector.fromArray(S, c, t0 + 7 * ldc);
        for (int k = 0; k < steps; k++) {
            DoubleVector zk = DoubleVector.fromArray(S, z[k], m);
            int f = k * ldq + r;
            a0 = DoubleVector.broadcast(S, q[f]).fma(zk, a0);
            a1 = DoubleVector.broadcast(S, q[f + 1]).fma(zk, a1);
            a2 = DoubleVector.broadcast(S, q[f + 2]).fma(zk, a2);
            a3 = DoubleVector.broadcast(S, q[f + 3]).fma(zk, a3);
            a4 = DoubleVector.broadcast(S, q[f + 4]).fma(zk, a4);
            a5 = DoubleVector.broadcast(S, q[f + 5]).fma(zk, a5);
            a6 = DoubleVector.broadcast(S, q[f + 6]).fma(zk, a6);
            a7 = DoubleVector.broadcast(S, q[f + 7]).fma(zk, a7);
        }
        a0.intoArray(c, t0);
        a1.intoArray(c, t0 + ldc);
        a2.intoArray(c, t0 + 2 * ldc);
        a3.intoArray(c, t0 + 3 * ldc);
        a4.intoArray(c, t0 + 4 * ldc);
        a5.intoArray(c, t0 + 5 * ldc);
        a6.intoArray(c, t0 + 6 * ldc);
        a7.intoArray(c, t0 + 7 * ldc);
    }

    @Override
    public void sumChains(double[] c, int rows, double[] q, int ldq, int steps) {
        int r = 0;
        for (; r + L <= rows; r += L) {
            DoubleVector s = DoubleVector.fromArray(S, c, r);
            for (int k = 0; k < steps; k++) {
                s = s.add(DoubleVector.fromArray(S, q, k * ldq + r));
            }
            s.intoArray(c, r);
        }
        for (; r < rows; r++) {
            double s = c[r];
            for (int k = 0; k < steps; k++) {
                s += q[k * ldq + r];
            }
            c[r] = s;
        }
    }
}
