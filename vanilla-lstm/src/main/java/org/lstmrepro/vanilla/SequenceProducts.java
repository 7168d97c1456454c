package org.lstmrepro.vanilla;

import org.lstmrepro.core.math.Kernels;

/**
 * The weight gradients of a whole sequence (or of a chunk, or a backward window), which do not depend
 * on the recurrence, on row-major arrays whose rows are the steps' rows packed one after another:
 * {@code δW += Δᵀ X}, {@code δR += Δᵀ Y₋₁} of every step at once, after the backward pass, from the
 * stored per-step net-input errors Δ and sources ({@link #multAddTransA}). (The input projections
 * {@code P = X Wᵀ} of every step at once, before the recurrence, are {@link SequenceBuffers#project}.)
 * Greff et al.'s own library (Brainstorm, {@code lstm_layer.py}) computes an LSTM layer this way: one
 * matrix product for the inputs of all time steps, and one for the gradient of each weight matrix.
 *
 * <p>The products are {@link Kernels#mult} (SIMD where the Vector API module is present): every
 * result element is one chain of {@link Math#fma} over the rows of a block in index order, started at
 * 0 and added to the old value, so the result does not depend on the kernel or the tiling.
 */
final class SequenceProducts {

    private SequenceProducts() {
    }

    /**
     * {@code c += aᵀ b}: a [n, k], b [n, m], c [k, m], {@code c[i][j] += Σ_p a[p][i] b[p][j]}, summed
     * over the n packed rows (the steps and sequences) in registers, {@value #ROW_BLOCK} rows at a time
     * so that the rows being summed stay in the first-level cache (a tile walks them once per tile).
     */
    static void multAddTransA(double[] a, int n, int k, double[] b, int m, double[] c) {
        for (int from = 0; from < n; from += ROW_BLOCK) {
            Kernels.mult(a, from * k, 1, k, b, from * m, m, c, k, Math.min(n, from + ROW_BLOCK) - from, m, true);
        }
    }

    /** Rows of a and b summed per pass of {@link #multAddTransA}: 32 rows of 4H = 512 errors are 128 KiB. */
    static final int ROW_BLOCK = 32;
}
