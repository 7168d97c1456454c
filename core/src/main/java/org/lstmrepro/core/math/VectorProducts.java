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
 * vector one at a time, or, where A's rows are adjacent (A read transposed), four rows at a time in the
 * lanes.
 *
 * <p>No vector is passed to or returned from a method: a vector that crosses a call the JIT does not
 * inline is boxed on the heap, and the training loops must not allocate per step. Nor does a vector
 * variable take its value from two branches (C2 of Java 17 boxes such a merged vector): the
 * accumulating and the overwriting store are two branches that each store. For the same reason
 * each method here is larger than the JIT's limit for inlining a hot callee (325 bytecodes): each is
 * compiled on its own, where the Vector API's operations are all inlined and become SIMD instructions,
 * never inside a large caller (a recurrent step) whose inlining budget may run out half-way through
 * them, leaving boxed vectors behind (seen as allocation per step in {@code BatchMemoryTest}).
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
        int tiledRows = n - n % 4;
        int tiledCols = m - m % (2 * L);
        for (int r = 0; r < tiledRows; r += 4) {
            for (int j = 0; j < tiledCols; j += 2 * L) {
                tile4x8(a, aOff + r * ars, ars, acs, b, bOff + j, ldb, c, r * m + j, k, m, add);
            }
        }
        // the columns that do not fill a vector, when A's rows lie side by side (A read transposed): lanes
        // over four rows (a gradient Δᵀ X with two or three inputs)
        int vectorCols = m - m % L;
        int laneRows = ars == 1 && vectorCols < m ? n - n % L : 0;
        if (laneRows > 0) {
            columnsOverRows(a, aOff, acs, b, bOff, ldb, c, laneRows, k, m, vectorCols, add);
        }
        // the rest, row by row: the columns right of the tiles, then the rows below them
        for (int r = 0; r < n; r++) {
            int ar = aOff + r * ars;
            int cr = r * m;
            int scalarEnd = r < laneRows ? vectorCols : m;
            int j = r < tiledRows ? tiledCols : 0;
            for (; j + 8 * L <= m; j += 8 * L) {
                row32(a, ar, acs, b, bOff + j, ldb, c, cr + j, k, add);
            }
            for (; j + L <= m; j += L) {
                DoubleVector s = DoubleVector.zero(S);
                for (int p = 0; p < k; p++) {
                    s = DoubleVector.broadcast(S, a[ar + p * acs]).fma(DoubleVector.fromArray(S, b, bOff + p * ldb + j), s);
                }
                if (add) {                              // no vector merges the two branches: a merged one is boxed
                    s.add(DoubleVector.fromArray(S, c, cr + j)).intoArray(c, cr + j);
                } else {
                    s.intoArray(c, cr + j);
                }
            }
            for (; j < scalarEnd; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ar + p * acs], b[bOff + p * ldb + j], s);
                }
                c[cr + j] = add ? c[cr + j] + s : s;
            }
        }
    }

    /**
     * Columns {@code j0 .. m-1} of rows {@code 0 .. rows-1} (a multiple of 4) of c, for an A whose rows are
     * adjacent ({@code a(r, p) = a[aOff + r + p acs]}): the lanes run over four rows, two groups of four
     * rows and two columns at a time (four chains in flight); each lane is the chain of {@link #mult}, and
     * its value is taken out of the lane and stored (or added) as a scalar. A lone group or column is
     * computed twice and stored once, so that no vector depends on a branch.
     */
    private static void columnsOverRows(double[] a, int aOff, int acs, double[] b, int bOff, int ldb, double[] c,
                                        int rows, int k, int m, int j0, boolean add) {
        for (int r0 = 0; r0 < rows; r0 += 2 * L) {
            int r1 = r0 + L < rows ? r0 + L : r0;
            for (int j0c = j0; j0c < m; j0c += 2) {
                int j1c = j0c + 1 < m ? j0c + 1 : j0c;
                DoubleVector zero = DoubleVector.zero(S);
                DoubleVector s00 = zero, s01 = zero, s10 = zero, s11 = zero;
                for (int p = 0; p < k; p++) {
                    int ap = aOff + p * acs;
                    int bp = bOff + p * ldb;
                    DoubleVector x0 = DoubleVector.fromArray(S, a, ap + r0);
                    DoubleVector x1 = DoubleVector.fromArray(S, a, ap + r1);
                    DoubleVector y0 = DoubleVector.broadcast(S, b[bp + j0c]);
                    DoubleVector y1 = DoubleVector.broadcast(S, b[bp + j1c]);
                    s00 = x0.fma(y0, s00);
                    s01 = x0.fma(y1, s01);
                    s10 = x1.fma(y0, s10);
                    s11 = x1.fma(y1, s11);
                }
                for (int q = 0; q < L; q++) {
                    int c0 = (r0 + q) * m;
                    int c1 = (r1 + q) * m;
                    double v00 = s00.lane(q);
                    double v01 = s01.lane(q);
                    double v10 = s10.lane(q);
                    double v11 = s11.lane(q);
                    c[c0 + j0c] = add ? c[c0 + j0c] + v00 : v00;
                    if (j1c != j0c) {
                        c[c0 + j1c] = add ? c[c0 + j1c] + v01 : v01;
                    }
                    if (r1 != r0) {
                        c[c1 + j0c] = add ? c[c1 + j0c] + v10 : v10;
                        if (j1c != j0c) {
                            c[c1 + j1c] = add ? c[c1 + j1c] + v11 : v11;
                        }
                    }
                }
            }
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
        if (add) {                              // no vector merges the two branches: a merged one is boxed
            c00.add(DoubleVector.fromArray(S, c, c0)).intoArray(c, c0);
            c01.add(DoubleVector.fromArray(S, c, c0 + L)).intoArray(c, c0 + L);
            c10.add(DoubleVector.fromArray(S, c, c0 + m)).intoArray(c, c0 + m);
            c11.add(DoubleVector.fromArray(S, c, c0 + m + L)).intoArray(c, c0 + m + L);
            c20.add(DoubleVector.fromArray(S, c, c0 + 2 * m)).intoArray(c, c0 + 2 * m);
            c21.add(DoubleVector.fromArray(S, c, c0 + 2 * m + L)).intoArray(c, c0 + 2 * m + L);
            c30.add(DoubleVector.fromArray(S, c, c0 + 3 * m)).intoArray(c, c0 + 3 * m);
            c31.add(DoubleVector.fromArray(S, c, c0 + 3 * m + L)).intoArray(c, c0 + 3 * m + L);
        } else {
            c00.intoArray(c, c0);
            c01.intoArray(c, c0 + L);
            c10.intoArray(c, c0 + m);
            c11.intoArray(c, c0 + m + L);
            c20.intoArray(c, c0 + 2 * m);
            c21.intoArray(c, c0 + 2 * m + L);
            c30.intoArray(c, c0 + 3 * m);
            c31.intoArray(c, c0 + 3 * m + L);
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
        if (add) {                              // no vector merges the two branches: a merged one is boxed
            s0.add(DoubleVector.fromArray(S, c, c0)).intoArray(c, c0);
            s1.add(DoubleVector.fromArray(S, c, c0 + L)).intoArray(c, c0 + L);
            s2.add(DoubleVector.fromArray(S, c, c0 + 2 * L)).intoArray(c, c0 + 2 * L);
            s3.add(DoubleVector.fromArray(S, c, c0 + 3 * L)).intoArray(c, c0 + 3 * L);
            s4.add(DoubleVector.fromArray(S, c, c0 + 4 * L)).intoArray(c, c0 + 4 * L);
            s5.add(DoubleVector.fromArray(S, c, c0 + 5 * L)).intoArray(c, c0 + 5 * L);
            s6.add(DoubleVector.fromArray(S, c, c0 + 6 * L)).intoArray(c, c0 + 6 * L);
            s7.add(DoubleVector.fromArray(S, c, c0 + 7 * L)).intoArray(c, c0 + 7 * L);
        } else {
            s0.intoArray(c, c0);
            s1.intoArray(c, c0 + L);
            s2.intoArray(c, c0 + 2 * L);
            s3.intoArray(c, c0 + 3 * L);
            s4.intoArray(c, c0 + 4 * L);
            s5.intoArray(c, c0 + 5 * L);
            s6.intoArray(c, c0 + 6 * L);
            s7.intoArray(c, c0 + 7 * L);
        }
    }
}
