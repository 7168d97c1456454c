package org.lstmrepro.vanilla;

/**
 * The two products of a whole sequence (or of a chunk, or a backward window) that do not depend on
 * the recurrence, on row-major arrays whose rows are the steps' rows packed one after another:
 * <ul>
 * <li>the input projections {@code P = X Wᵀ} of every step at once, before the recurrence
 *     ({@link #multTransB});</li>
 * <li>the weight gradients {@code δW += Δᵀ X}, {@code δR += Δᵀ Y₋₁} of every step at once, after the
 *     backward pass, from the stored per-step net-input errors Δ and sources ({@link #multAddTransA}).</li>
 * </ul>
 * Greff et al.'s own library (Brainstorm, {@code lstm_layer.py}) computes an LSTM layer this way: one
 * matrix product for the inputs of all time steps, and one for the gradient of each weight matrix.
 *
 * <p>Both kernels keep a 4 x 2 tile of the result in registers while the shared dimension is walked
 * once. Every result element is one chain of {@link Math#fma} over the shared dimension in index
 * order, started at 0 (for {@link #multAddTransA}: one chain per block of rows, each added to the old
 * value), whatever the tile it falls in: the result does not depend on how many rows a call gets, so one step projected alone
 * gives the bits it gets inside a sequence.
 */
final class SequenceProducts {

    private SequenceProducts() {
    }

    /**
     * {@code c = a bᵀ}: a [n, k], b [m, k], c [n, m], {@code c[r][j] = Σ_p a[r][p] b[j][p]}.
     */
    static void multTransB(double[] a, int n, int k, double[] b, int m, double[] c) {
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
                c[c0] = c00;
                c[c0 + 1] = c01;
                c[c0 + m] = c10;
                c[c0 + m + 1] = c11;
                c[c0 + 2 * m] = c20;
                c[c0 + 2 * m + 1] = c21;
                c[c0 + 3 * m] = c30;
                c[c0 + 3 * m + 1] = c31;
            }
            for (int rr = r; rr < r + 4; rr++) {
                rowTransB(a, rr, k, b, j, m, c);                  // the last column when m is odd
            }
        }
        for (; r < n; r++) {
            rowTransB(a, r, k, b, 0, m, c);                       // the rows that do not fill a tile
        }
    }

    /** Row r of {@code a bᵀ} from column {@code fromCol} on, four columns at a time (independent chains). */
    private static void rowTransB(double[] a, int r, int k, double[] b, int fromCol, int m, double[] c) {
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
            c[c0] = s0;
            c[c0 + 1] = s1;
            c[c0 + 2] = s2;
            c[c0 + 3] = s3;
        }
        for (; j < m; j++) {
            int b0 = j * k;
            double s = 0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[ar + p], b[b0 + p], s);
            }
            c[r * m + j] = s;
        }
    }

    /**
     * {@code c += aᵀ b}: a [n, k], b [n, m], c [k, m], {@code c[i][j] += Σ_p a[p][i] b[p][j]}, summed
     * over the n packed rows (the steps and sequences) in registers, {@value #ROW_BLOCK} rows at a time
     * so that the rows being summed stay in the first-level cache (a tile walks them once per tile).
     */
    static void multAddTransA(double[] a, int n, int k, double[] b, int m, double[] c) {
        for (int from = 0; from < n; from += ROW_BLOCK) {
            multAddTransA(a, from, Math.min(n, from + ROW_BLOCK), k, b, m, c);
        }
    }

    /** Rows of a and b summed per pass of {@link #multAddTransA}: 32 rows of 4H = 512 errors are 128 KiB. */
    static final int ROW_BLOCK = 32;

    private static void multAddTransA(double[] a, int from, int to, int k, double[] b, int m, double[] c) {
        int i = 0;
        for (; i + 4 <= k; i += 4) {
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                for (int p = from; p < to; p++) {
                    int ap = p * k + i;
                    int bp = p * m + j;
                    double x0 = b[bp];
                    double x1 = b[bp + 1];
                    double y0 = a[ap];
                    double y1 = a[ap + 1];
                    double y2 = a[ap + 2];
                    double y3 = a[ap + 3];
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
                c[c0] += c00;
                c[c0 + 1] += c01;
                c[c0 + m] += c10;
                c[c0 + m + 1] += c11;
                c[c0 + 2 * m] += c20;
                c[c0 + 2 * m + 1] += c21;
                c[c0 + 3 * m] += c30;
                c[c0 + 3 * m + 1] += c31;
            }
            for (int ii = i; ii < i + 4; ii++) {
                rowTransA(a, from, to, k, ii, b, j, m, c);
            }
        }
        for (; i < k; i++) {
            rowTransA(a, from, to, k, i, b, 0, m, c);
        }
    }

    /** Row i of {@code c += aᵀ b} from column {@code fromCol} on. */
    private static void rowTransA(double[] a, int from, int to, int k, int i, double[] b, int fromCol, int m, double[] c) {
        for (int j = fromCol; j < m; j++) {
            double s = 0;
            for (int p = from; p < to; p++) {
                s = Math.fma(a[p * k + i], b[p * m + j], s);
            }
            c[i * m + j] += s;
        }
    }
}
