package org.lstmrepro.core.math;

/**
 * The scalar form of {@link Kernels#mult}: every element {@code c[r][j]} is the chain
 * {@code s = fma(a(r, p), b[p][j], s)} over p = 0 .. k-1 from s = 0 (then {@code c + s} or {@code s}),
 * the chain {@link VectorProducts} runs in one lane, so the two agree to the last bit. A 4 x 2 tile of
 * c is kept in registers (eight independent chains) so that each loaded value serves several chains.
 */
final class ScalarProducts implements ProductKernel {

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
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                tile4x2(a, aOff + r * ars, ars, acs, b, bOff + j, ldb, c, r * m + j, k, m, add);
            }
            for (int rr = r; rr < r + 4; rr++) {
                row(a, aOff + rr * ars, acs, b, bOff, ldb, c, rr * m, j, k, m, add);   // the last column when m is odd
            }
        }
        for (; r < n; r++) {
            row(a, aOff + r * ars, acs, b, bOff, ldb, c, r * m, 0, k, m, add);         // the rows that do not fill a tile
        }
    }

    private static void tile4x2(double[] a, int a0, int ars, int acs, double[] b, int b0, int ldb, double[] c, int c0,
                                int k, int m, boolean add) {
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
        for (int p = 0; p < k; p++) {
            int bp = b0 + p * ldb;
            int ap = p * acs;
            double x0 = b[bp];
            double x1 = b[bp + 1];
            double y0 = a[a0 + ap];
            double y1 = a[a1 + ap];
            double y2 = a[a2 + ap];
            double y3 = a[a3 + ap];
            c00 = Math.fma(y0, x0, c00);
            c01 = Math.fma(y0, x1, c01);
            c10 = Math.fma(y1, x0, c10);
            c11 = Math.fma(y1, x1, c11);
            c20 = Math.fma(y2, x0, c20);
            c21 = Math.fma(y2, x1, c21);
            c30 = Math.fma(y3, x0, c30);
            c31 = Math.fma(y3, x1, c31);
        }
        put(c, c0, c00, add);
        put(c, c0 + 1, c01, add);
        put(c, c0 + m, c10, add);
        put(c, c0 + m + 1, c11, add);
        put(c, c0 + 2 * m, c20, add);
        put(c, c0 + 2 * m + 1, c21, add);
        put(c, c0 + 3 * m, c30, add);
        put(c, c0 + 3 * m + 1, c31, add);
    }

    /** Row r of c (a's row at {@code ar}, c's at {@code cr}) from column {@code from} on, four columns at a time. */
    private static void row(double[] a, int ar, int acs, double[] b, int bOff, int ldb, double[] c, int cr, int from,
                            int k, int m, boolean add) {
        int j = from;
        for (; j + 4 <= m; j += 4) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int p = 0; p < k; p++) {
                double y = a[ar + p * acs];
                int bp = bOff + p * ldb + j;
                s0 = Math.fma(y, b[bp], s0);
                s1 = Math.fma(y, b[bp + 1], s1);
                s2 = Math.fma(y, b[bp + 2], s2);
                s3 = Math.fma(y, b[bp + 3], s3);
            }
            put(c, cr + j, s0, add);
            put(c, cr + j + 1, s1, add);
            put(c, cr + j + 2, s2, add);
            put(c, cr + j + 3, s3, add);
        }
        for (; j < m; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[ar + p * acs], b[bOff + p * ldb + j], s);
            }
            put(c, cr + j, s, add);
        }
    }

    /**
     * {@code c (+)= a bᵀ} with b read as it is, a [n, k], b [m, k] (see {@link Kernels#multTransB}): the
     * same chains, each over a row of a and a row of b, both at unit stride.
     */
    static void multTransB(double[] a, int n, int k, double[] b, int m, double[] c, boolean add) {
        int r = 0;
        for (; r + 4 <= n; r += 4) {
            int a0 = r * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                int b0 = j * k;
                int b1 = b0 + k;
                double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = b[b0 + p];
                    double x1 = b[b1 + p];
                    double y0 = a[a0 + p];
                    double y1 = a[a1 + p];
                    double y2 = a[a2 + p];
                    double y3 = a[a3 + p];
                    c00 = Math.fma(y0, x0, c00);
                    c01 = Math.fma(y0, x1, c01);
                    c10 = Math.fma(y1, x0, c10);
                    c11 = Math.fma(y1, x1, c11);
                    c20 = Math.fma(y2, x0, c20);
                    c21 = Math.fma(y2, x1, c21);
                    c30 = Math.fma(y3, x0, c30);
                    c31 = Math.fma(y3, x1, c31);
                }
                int c0 = r * m + j;
                put(c, c0, c00, add);
                put(c, c0 + 1, c01, add);
                put(c, c0 + m, c10, add);
                put(c, c0 + m + 1, c11, add);
                put(c, c0 + 2 * m, c20, add);
                put(c, c0 + 2 * m + 1, c21, add);
                put(c, c0 + 3 * m, c30, add);
                put(c, c0 + 3 * m + 1, c31, add);
            }
            for (int rr = r; rr < r + 4; rr++) {
                rowTransB(a, rr, k, b, j, m, c, add);                 // the last column when m is odd
            }
        }
        for (; r < n; r++) {
            rowTransB(a, r, k, b, 0, m, c, add);                      // the rows that do not fill a tile
        }
    }

    /** Row r of {@code a bᵀ} from column {@code fromCol} on, four columns at a time (independent chains). */
    private static void rowTransB(double[] a, int r, int k, double[] b, int fromCol, int m, double[] c, boolean add) {
        int ar = r * k;
        int j = fromCol;
        for (; j + 4 <= m; j += 4) {
            int b0 = j * k;
            int b1 = b0 + k;
            int b2 = b1 + k;
            int b3 = b2 + k;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int p = 0; p < k; p++) {
                double y = a[ar + p];
                s0 = Math.fma(y, b[b0 + p], s0);
                s1 = Math.fma(y, b[b1 + p], s1);
                s2 = Math.fma(y, b[b2 + p], s2);
                s3 = Math.fma(y, b[b3 + p], s3);
            }
            int c0 = r * m + j;
            put(c, c0, s0, add);
            put(c, c0 + 1, s1, add);
            put(c, c0 + 2, s2, add);
            put(c, c0 + 3, s3, add);
        }
        for (; j < m; j++) {
            int b0 = j * k;
            double s = 0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[ar + p], b[b0 + p], s);
            }
            put(c, r * m + j, s, add);
        }
    }

    private static void put(double[] c, int at, double s, boolean add) {
        c[at] = add ? c[at] + s : s;
    }
}
