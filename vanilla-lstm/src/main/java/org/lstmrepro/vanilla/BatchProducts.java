package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.lstmrepro.core.math.Kernels;

/**
 * The matrix products of a batched step on EJML matrices, where the batch is the rows of A:
 * {@code C = A Bᵀ} (the output layer's and FGR's net inputs), {@code C = A B} (errors to the previous
 * step, δ_t R) and {@code C += Aᵀ B} (weight gradients, δ_tᵀ y_{t-1}); the recurrent product of a
 * chunk is {@link SequenceBuffers#recurrent}.
 *
 * <p>They run {@link Kernels}: register tiles (each loaded weight serves several batch rows, each
 * batch value several weights) with independent {@link Math#fma} chains, on SIMD lanes for
 * {@code A B} and {@code Aᵀ B} when the Vector API module is present. Every result element is one
 * chain over the shared dimension in index order, whatever the path. EJML's kernel remains for
 * {@code c += aᵀ b} with fewer than {@value #TILE_ROWS} rows (a rank-one update per row). The methods
 * are small dispatchers so that the JIT inlines them.
 */
final class BatchProducts {

    /** Batch rows below which {@link #multAddTransA} is EJML's rank-one update. */
    static final int TILE_ROWS = 4;

    private BatchProducts() {
    }

    /** {@code c = a bᵀ}, with a [n, k], b [m, k], c [n, m] (row-major; n is the batch). */
    static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        checkShape(a.numCols == b.numCols, a, b, c);
        c.reshape(a.numRows, b.numRows, false);
        Kernels.multTransB(a.data, a.numRows, a.numCols, b.data, b.numRows, c.data, false);
    }

    /** {@code c = a b}, with a [n, k], b [k, m], c [n, m] (row-major; n is the batch). */
    static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        checkShape(a.numCols == b.numRows && c.numRows == a.numRows && c.numCols == b.numCols, a, b, c);
        Kernels.mult(a.data, b.data, c.data, a.numRows, a.numCols, b.numCols, false);
    }

    /**
     * {@code c += aᵀ b}, with a [n, k], b [n, m], c [k, m] (row-major; n is the batch, summed over):
     * a tile of c takes the whole batch's contribution in registers and is written once.
     */
    static void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows < TILE_ROWS) {
            CommonOps_DDRM.multAddTransA(a, b, c);
        } else {
            checkShape(b.numRows == a.numRows && c.numRows == a.numCols && c.numCols == b.numCols, a, b, c);
            Kernels.mult(a.data, 0, 1, a.numCols, b.data, 0, b.numCols, c.data, a.numCols, a.numRows, b.numCols, true);
        }
    }

    private static void checkShape(boolean ok, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok) {
            throw new IllegalArgumentException("matrix shapes do not fit: a " + a.numRows + "x" + a.numCols + ", b "
                    + b.numRows + "x" + b.numCols + ", c " + c.numRows + "x" + c.numCols);
        }
    }
}
