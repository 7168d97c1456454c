package org.lstmrepro.core.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD form of {@link Kernels#mult} on the Vector API ({@code jdk.incubator.vector}), with the
 * fixed species {@link DoubleVector#SPECIES_256} (4 lanes of double on every platform; emulated where
 * the hardware has no 256-bit registers). The lanes run over four adjacent columns j of c: each lane
 * computes its element as the chain {@code s = fma(a(r, p), b[p][j], s)} over p = 0 .. k-1 from s = 0
 * and then {@code c + s} (or s), exactly the chain of {@link ScalarProducts}. Lane-wise {@code fma}
 * and {@code add} are specified as the IEEE 754 operations ({@link Math#fma}, {@code +}), and no lane
 * is ever combined with another (no reduction), so the two kernels agree to the last bit.
 *
 * <p>Tiles: 4 rows x 8 columns (eight vector accumulators: four broadcasts and two loads per term);
 * a single row 32 columns at a time (eight accumulators), then 4, then the columns that do not fill a
 * vector one at a time.
 *
 * <p>Only loaded when the module is present ({@link Kernels}); never reference it directly.
 */
final class VectorProducts implements ProductKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    VectorProducts() {
        if (S.length() != L) {
            throw new IllegalStateException("DoubleVector.SPECIES_256 has " + S.length() + " lanes");
        }
    }

    @Override
    public void mult(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int ldb, double[] c,
                     int n, int k, int m, boolean add) {
        // the two layouts the callers use, with the unit stride a constant the JIT can fold in
        if (acs == 1) {
            rows(a, aOff, ars, 1, b, bOff, ldb, c, n, k, m, add);
        } else if (ars == 1) {
            rows(a, aOff, 1, acs, b, bOff, ldb, c, n, k, m, add);
        } else {
            rows(a, aOff, ars, acs, b, bOff, ldb, c, n, k, m, add);
        }
    }

    private static void rows(double[] a, int aOff, int ars, int acs, double[] b, int bOff, int ldb, double[] c,
                             int n, int k, int m, boolean add) {
        int r = 0;
        for (; r + 4 <= n; r += 4) {
            int a0 = aOff + r * ars;
            int j = 0;
            for (; j + 2 * L <= m; j += 2 * L) {
                tile4x8(a, a0, ars, acs, b, bOff + j, ldb, c, r * m + j, k, m, add);
            }
            for (int rr = r; rr < r + 4; rr++) {
                row(a, aOff + rr * ars, acs, b, bOff, ldb, c, rr * m, j, k, m, add);
            }
        }
        for (; r < n; r++) {
            row(a, aOff + r * ars, acs, b, bOff, ldb, c, r * m, 0, k, m, add);
        }
    }

    private static void tile4x8(double[] a, int a0, int ars, int acs, double[] b, int b0, int ldb, double[] c, int c0,
                                int k, int m, boolean add) {
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            int ap = p * acs;
            DoubleVector x0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector x1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector y0 = DoubleVector.broadcast(S, a[a0 + ap]);
            DoubleVector y1 = DoubleVector.broadcast(S, a[a1 + ap]);
            DoubleVector y2 = DoubleVector.broadcast(S, a[a2 + ap]);
            DoubleVector y3 = DoubleVector.broadcast(S, a[a3 + ap]);
            c00 = y0.fma(x0, c00);
            c01 = y0.fma(x1, c01);
            c10 = y1.fma(x0, c10);
            c11 = y1.fma(x1, c11);
            c20 = y2.fma(x0, c20);
            c21 = y2.fma(x1, c21);
            c30 = y3.fma(x0, c30);
            c31 = y3.fma(x1, c31);
        }
        put(c, c0, c00, add);
        put(c, c0 + L, c01, add);
        put(c, c0 + m, c10, add);
        put(c, c0 + m + L, c11, add);
        put(c, c0 + 2 * m, c20, add);
        put(c, c0 + 2 * m + L, c21, add);
        put(c, c0 + 3 * m, c30, add);
        put(c, c0 + 3 * m + L, c31, add);
    }

    /** Row r of c (a's row at {@code ar}, c's at {@code cr}) from column {@code from} on. */
    private static void row(double[] a, int ar, int acs, double[] b, int bOff, int ldb, double[] c, int cr, int from,
                            int k, int m, boolean add) {
        int j = from;
        for (; j + 8 * L <= m; j += 8 * L) {
            row32(a, ar, acs, b, bOff + j, ldb, c, cr + j, k, add);
        }
        for (; j + L <= m; j += L) {
            DoubleVector s = DoubleVector.zero(S);
            for (int p = 0; p < k; p++) {
                s = DoubleVector.broadcast(S, a[ar + p * acs]).fma(DoubleVector.fromArray(S, b, bOff + p * ldb + j), s);
            }
            put(c, cr + j, s, add);
        }
        for (; j < m; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[ar + p * acs], b[bOff + p * ldb + j], s);
            }
            c[cr + j] = add ? c[cr + j] + s : s;
        }
    }

    private static void row32(double[] a, int ar, int acs, double[] b, int b0, int ldb, double[] c, int c0, int k,
                              boolean add) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector s0 = zero, s1 = zero, s2 = zero, s3 = zero, s4 = zero, s5 = zero, s6 = zero, s7 = zero;
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            DoubleVector y = DoubleVector.broadcast(S, a[ar + p * acs]);
            s0 = y.fma(DoubleVector.fromArray(S, b, bp), s0);
            s1 = y.fma(DoubleVector.fromArray(S, b, bp + L), s1);
            s2 = y.fma(DoubleVector.fromArray(S, b, bp + 2 * L), s2);
            s3 = y.fma(DoubleVector.fromArray(S, b, bp + 3 * L), s3);
            s4 = y.fma(DoubleVector.fromArray(S, b, bp + 4 * L), s4);
            s5 = y.fma(DoubleVector.fromArray(S, b, bp + 5 * L), s5);
            s6 = y.fma(DoubleVector.fromArray(S, b, bp + 6 * L), s6);
            s7 = y.fma(DoubleVector.fromArray(S, b, bp + 7 * L), s7);
        }
        put(c, c0, s0, add);
        put(c, c0 + L, s1, add);
        put(c, c0 + 2 * L, s2, add);
        put(c, c0 + 3 * L, s3, add);
        put(c, c0 + 4 * L, s4, add);
        put(c, c0 + 5 * L, s5, add);
        put(c, c0 + 6 * L, s6, add);
        put(c, c0 + 7 * L, s7, add);
    }

    private static void put(double[] c, int at, DoubleVector s, boolean add) {
        (add ? DoubleVector.fromArray(S, c, at).add(s) : s).intoArray(c, at);
    }
}
