package org.lstmrepro.vanilla;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The three matrix products of a batched step, register-tiled so that a minibatch pays less per
 * sequence than one sequence does: {@code C += A Bᵀ} (net inputs, W x_t and R y_{t-1}),
 * {@code C = A B} (errors to the previous step, δ_t R) and {@code C += Aᵀ B} (weight gradients,
 * δ_tᵀ y_{t-1}), where the batch is the rows of A.
 *
 * <p>Why: EJML's kernels for these shapes run one batch row at a time (a dot product or an axpy per
 * row of A), so every row streams the whole weight matrix again and each loaded weight feeds one
 * multiply-add: B rows cost B times one row. Here a 4 x 2 tile of C stays in registers while the
 * shared dimension is walked once, so each loaded weight serves four batch rows (and each batch
 * value two weight rows), with independent {@link Math#fma} chains. With fewer than {@value #TILE_ROWS}
 * batch rows there is nothing to share: each row is computed four outputs at a time, four independent
 * chains (EJML's kernels run one serial chain per output, or an update of the whole row per term);
 * EJML's kernel remains for {@code c += aᵀ b} with few rows (a rank-one update). The public methods
 * are small dispatchers so that the JIT inlines them.
 *
 * <p>The results equal the plain sums up to round-off (fused multiply-adds, another summation order).
 */
final class BatchProducts {

    /** Batch rows per tile: the reuse of each loaded weight. */
    static final int TILE_ROWS = 4;

    private BatchProducts() {
    }

    /** {@code c = a bᵀ}, with a [n, k], b [m, k], c [n, m] (row-major; n is the batch). */
    static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows < TILE_ROWS) {
            c.reshape(a.numRows, b.numRows, false);
            Arrays.fill(c.data, 0, c.getNumElements(), 0.0);
            fewRowsMultAddTransB(a, b, c);
        } else {
            c.reshape(a.numRows, b.numRows, false);
            Arrays.fill(c.data, 0, c.getNumElements(), 0.0);
            tiledMultAddTransB(a, b, c);
        }
    }

    /** {@code c += a bᵀ}, with a [n, k], b [m, k], c [n, m] (row-major; n is the batch). */
    static void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows < TILE_ROWS) {
            fewRowsMultAddTransB(a, b, c);
        } else {
            tiledMultAddTransB(a, b, c);
        }
    }

    /**
     * {@code c += a bᵀ} for a batch too small to share weight loads (B = 1 above all): each row of c
     * four columns at a time, four independent {@link Math#fma} chains over one pass of a's row
     * (EJML's kernel runs one dot product, one serial chain of additions, per element).
     */
    private static void fewRowsMultAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        checkShape(a.numCols == b.numCols && c.numRows == n && c.numCols == b.numRows, a, b, c);
        int k = a.numCols;
        int m = b.numRows;
        double[] av = a.data;
        double[] bv = b.data;
        double[] cv = c.data;
        for (int r = 0; r < n; r++) {
            int ar = r * k;
            int j = 0;
            for (; j + 4 <= m; j += 4) {
                int b0 = j * k;
                int b1 = b0 + k;
                int b2 = b1 + k;
                int b3 = b2 + k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0; p < k; p++) {
                    double y = av[ar + p];
                    s0 = Math.fma(y, bv[b0 + p], s0);
                    s1 = Math.fma(y, bv[b1 + p], s1);
                    s2 = Math.fma(y, bv[b2 + p], s2);
                    s3 = Math.fma(y, bv[b3 + p], s3);
                }
                int c0 = r * m + j;
                cv[c0] += s0;
                cv[c0 + 1] += s1;
                cv[c0 + 2] += s2;
                cv[c0 + 3] += s3;
            }
            dotRows(av, bv, cv, r, r + 1, j, m, k);
        }
    }

    /**
     * {@code c = a b} for a batch too small to share weight loads: each row of c four columns at a
     * time, four independent chains over the rows of b, each step loading four adjacent values of b.
     */
    private static void fewRowsMult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        checkShape(a.numCols == b.numRows && c.numRows == n && c.numCols == b.numCols, a, b, c);
        int k = a.numCols;
        int m = b.numCols;
        double[] av = a.data;
        double[] bv = b.data;
        double[] cv = c.data;
        for (int r = 0; r < n; r++) {
            int ar = r * k;
            int j = 0;
            for (; j + 4 <= m; j += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0; p < k; p++) {
                    double y = av[ar + p];
                    int bp = p * m + j;
                    s0 = Math.fma(y, bv[bp], s0);
                    s1 = Math.fma(y, bv[bp + 1], s1);
                    s2 = Math.fma(y, bv[bp + 2], s2);
                    s3 = Math.fma(y, bv[bp + 3], s3);
                }
                int c0 = r * m + j;
                cv[c0] = s0;
                cv[c0 + 1] = s1;
                cv[c0 + 2] = s2;
                cv[c0 + 3] = s3;
            }
            columnRows(av, bv, cv, r, r + 1, j, m, k);
        }
    }

    private static void tiledMultAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        checkShape(a.numCols == b.numCols && c.numRows == n && c.numCols == b.numRows, a, b, c);
        int k = a.numCols;
        int m = b.numRows;
        double[] av = a.data;
        double[] bv = b.data;
        double[] cv = c.data;
        int i = 0;
        for (; i + TILE_ROWS <= n; i += TILE_ROWS) {
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                int b0 = j * k;
                int b1 = b0 + k;
                double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = bv[b0 + p];
                    double x1 = bv[b1 + p];
                    double y0 = av[a0 + p];
                    double y1 = av[a1 + p];
                    double y2 = av[a2 + p];
                    double y3 = av[a3 + p];
                    c00 = Math.fma(y0, x0, c00);
                    c01 = Math.fma(y0, x1, c01);
                    c10 = Math.fma(y1, x0, c10);
                    c11 = Math.fma(y1, x1, c11);
                    c20 = Math.fma(y2, x0, c20);
                    c21 = Math.fma(y2, x1, c21);
                    c30 = Math.fma(y3, x0, c30);
                    c31 = Math.fma(y3, x1, c31);
                }
                int c0 = i * m + j;
                cv[c0] += c00;
                cv[c0 + 1] += c01;
                cv[c0 + m] += c10;
                cv[c0 + m + 1] += c11;
                cv[c0 + 2 * m] += c20;
                cv[c0 + 2 * m + 1] += c21;
                cv[c0 + 3 * m] += c30;
                cv[c0 + 3 * m + 1] += c31;
            }
            dotRows(av, bv, cv, i, i + TILE_ROWS, j, m, k);     // the last column when m is odd
        }
        dotRows(av, bv, cv, i, n, 0, m, k);                     // the rows that do not fill a tile
    }

    /** {@code c[r][col] += a[r] · b[col]} for rows r in [fromRow, toRow), columns in [fromCol, m). */
    private static void dotRows(double[] av, double[] bv, double[] cv, int fromRow, int toRow, int fromCol, int m, int k) {
        for (int r = fromRow; r < toRow; r++) {
            for (int col = fromCol; col < m; col++) {
                cv[r * m + col] += dot(av, r * k, 1, bv, col * k, 1, k);
            }
        }
    }

    /** {@code c = a b}, with a [n, k], b [k, m], c [n, m] (row-major; n is the batch). */
    static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows < TILE_ROWS) {
            fewRowsMult(a, b, c);
        } else {
            tiledMult(a, b, c);
        }
    }

    private static void tiledMult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        checkShape(a.numCols == b.numRows && c.numRows == n && c.numCols == b.numCols, a, b, c);
        int k = a.numCols;
        int m = b.numCols;
        double[] av = a.data;
        double[] bv = b.data;
        double[] cv = c.data;
        int i = 0;
        for (; i + TILE_ROWS <= n; i += TILE_ROWS) {
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = bv[p * m + j];
                    double x1 = bv[p * m + j + 1];
                    double y0 = av[a0 + p];
                    double y1 = av[a1 + p];
                    double y2 = av[a2 + p];
                    double y3 = av[a3 + p];
                    c00 = Math.fma(y0, x0, c00);
                    c01 = Math.fma(y0, x1, c01);
                    c10 = Math.fma(y1, x0, c10);
                    c11 = Math.fma(y1, x1, c11);
                    c20 = Math.fma(y2, x0, c20);
                    c21 = Math.fma(y2, x1, c21);
                    c30 = Math.fma(y3, x0, c30);
                    c31 = Math.fma(y3, x1, c31);
                }
                int c0 = i * m + j;
                cv[c0] = c00;
                cv[c0 + 1] = c01;
                cv[c0 + m] = c10;
                cv[c0 + m + 1] = c11;
                cv[c0 + 2 * m] = c20;
                cv[c0 + 2 * m + 1] = c21;
                cv[c0 + 3 * m] = c30;
                cv[c0 + 3 * m + 1] = c31;
            }
            columnRows(av, bv, cv, i, i + TILE_ROWS, j, m, k);
        }
        columnRows(av, bv, cv, i, n, 0, m, k);
    }

    /** {@code c[r][col] = a[r] · b[.][col]} for rows r in [fromRow, toRow), columns in [fromCol, m). */
    private static void columnRows(double[] av, double[] bv, double[] cv, int fromRow, int toRow, int fromCol, int m, int k) {
        for (int r = fromRow; r < toRow; r++) {
            for (int col = fromCol; col < m; col++) {
                cv[r * m + col] = dot(av, r * k, 1, bv, col, m, k);
            }
        }
    }

    /**
     * {@code c += aᵀ b}, with a [n, k], b [n, m], c [k, m] (row-major; n is the batch, summed over):
     * a tile of c takes the whole batch's contribution in registers and is written once.
     */
    static void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows < TILE_ROWS) {
            CommonOps_DDRM.multAddTransA(a, b, c);
        } else {
            tiledMultAddTransA(a, b, c);
        }
    }

    private static void tiledMultAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        checkShape(b.numRows == n && c.numRows == a.numCols && c.numCols == b.numCols, a, b, c);
        int k = a.numCols;
        int m = b.numCols;
        double[] av = a.data;
        double[] bv = b.data;
        double[] cv = c.data;
        int i = 0;
        for (; i + TILE_ROWS <= k; i += TILE_ROWS) {
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                for (int p = 0; p < n; p++) {
                    int ap = p * k + i;
                    int bp = p * m + j;
                    double x0 = bv[bp];
                    double x1 = bv[bp + 1];
                    double y0 = av[ap];
                    double y1 = av[ap + 1];
                    double y2 = av[ap + 2];
                    double y3 = av[ap + 3];
                    c00 = Math.fma(y0, x0, c00);
                    c01 = Math.fma(y0, x1, c01);
                    c10 = Math.fma(y1, x0, c10);
                    c11 = Math.fma(y1, x1, c11);
                    c20 = Math.fma(y2, x0, c20);
                    c21 = Math.fma(y2, x1, c21);
                    c30 = Math.fma(y3, x0, c30);
                    c31 = Math.fma(y3, x1, c31);
                }
                int c0 = i * m + j;
                cv[c0] += c00;
                cv[c0 + 1] += c01;
                cv[c0 + m] += c10;
                cv[c0 + m + 1] += c11;
                cv[c0 + 2 * m] += c20;
                cv[c0 + 2 * m + 1] += c21;
                cv[c0 + 3 * m] += c30;
                cv[c0 + 3 * m + 1] += c31;
            }
            outerRows(av, bv, cv, i, i + TILE_ROWS, j, m, k, n);
        }
        outerRows(av, bv, cv, i, k, 0, m, k, n);
    }

    /** {@code c[r][col] += Σ_p a[p][r] b[p][col]} for rows r in [fromRow, toRow), columns in [fromCol, m). */
    private static void outerRows(double[] av, double[] bv, double[] cv, int fromRow, int toRow, int fromCol, int m,
                                  int k, int n) {
        for (int r = fromRow; r < toRow; r++) {
            for (int col = fromCol; col < m; col++) {
                cv[r * m + col] += dot(av, r, k, bv, col, m, n);
            }
        }
    }

    /**
     * {@code Σ_p x[xFrom + p xStep] y[yFrom + p yStep]} over p in [0, length), in four independent
     * partial sums so that the multiply-adds of the rows left over by the tiles are not one serial chain.
     */
    private static double dot(double[] x, int xFrom, int xStep, double[] y, int yFrom, int yStep, int length) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = 0;
        for (; p + 4 <= length; p += 4) {
            int xp = xFrom + p * xStep;
            int yp = yFrom + p * yStep;
            s0 = Math.fma(x[xp], y[yp], s0);
            s1 = Math.fma(x[xp + xStep], y[yp + yStep], s1);
            s2 = Math.fma(x[xp + 2 * xStep], y[yp + 2 * yStep], s2);
            s3 = Math.fma(x[xp + 3 * xStep], y[yp + 3 * yStep], s3);
        }
        for (; p < length; p++) {
            s0 = Math.fma(x[xFrom + p * xStep], y[yFrom + p * yStep], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void checkShape(boolean ok, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok) {
            throw new IllegalArgumentException("matrix shapes do not fit: a " + a.numRows + "x" + a.numCols + ", b "
                    + b.numRows + "x" + b.numCols + ", c " + c.numRows + "x" + c.numCols);
        }
    }
}
