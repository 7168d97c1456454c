package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.math.Kernels;

/**
 * What a trajectory keeps to run the time-independent products of a whole chunk of steps at once
 * ({@link SequenceProducts}): before the recurrence, the inputs of the chunk's steps packed row after
 * row and their projections {@code W x_t}; during a backward pass, each visited step's net-input
 * errors and sources (x_t, h_{t-1}), packed in the order visited, for the weight gradients
 * {@code δW += Δᵀ X}, {@code δR += Δᵀ H₋₁} at its end.
 *
 * <p>When the products run on SIMD lanes ({@link Kernels#vectorised()}), a chunk also keeps the
 * transposes of the weights it reads, {@code Wᵀ} and {@code Rᵀ}, made once per chunk, so that the
 * lanes run over adjacent net inputs ({@link Kernels#mult}); a single step ({@link #projectStep},
 * {@link #singleStep}) reads the weights as they are ({@link Kernels#multTransB}). Both give the same
 * bits, so a step's values do not depend on the path.
 *
 * <p>The arrays hold up to {@link #MAX_ROWS} rows (more only when one step has more rows), grown
 * (at least twofold) when first needed and then reused: no allocation in steady state.
 */
final class SequenceBuffers {

    /**
     * The most rows (steps times sequences) one product takes: a longer chunk is projected, and a
     * longer backward pass added to the gradients, in pieces of about this many rows, so that the
     * packed rows stay in the second-level cache (128 rows of 4H = 800 net inputs are 800 KiB) instead
     * of going out to memory and back.
     */
    static final int MAX_ROWS = 128;

    private final int nIn;
    private final int nH;
    /** Width of the projection: the stacked net inputs fed by {@code weight_ih} (G H). */
    private final int width;

    private double[] xs = new double[0];
    private double[] projections = new double[0];
    /** {@code rowStart[t - from]}: the first packed row of step t of the projected chunk. */
    private int[] rowStart = new int[0];
    private int from;
    private int to;

    private double[] weightIhT = new double[0];
    private double[] weightHhT = new double[0];
    /** Whether {@link #weightHhT} holds the recurrent weights of the chunk being run forward. */
    private boolean recurrentTransposed;

    private double[] inputErrors = new double[0];
    private double[] recurrentErrors = new double[0];
    private double[] sources = new double[0];
    private double[] previous = new double[0];
    private int backwardRows;
    private DMatrixRMaj weightIhGradient;
    private DMatrixRMaj weightHhGradient;
    private boolean separateRecurrentErrors;

    SequenceBuffers(int nIn, int nH, int width) {
        this.nIn = nIn;
        this.nH = nH;
        this.width = width;
    }

    /**
     * Projects the inputs of steps {@code from .. to - 1} (row-major, {@code active[t]} rows at step t,
     * or one row each when {@code active} is null): {@code W x} for all of them in one product.
     */
    void project(double[][] stepInputs, int[] active, int from, int to, DMatrixRMaj weightIh) {
        int steps = to - from;
        if (rowStart.length < steps + 1) {
            rowStart = new int[Math.max(steps + 1, 2 * rowStart.length)];
        }
        int n = 0;
        for (int t = from; t < to; t++) {
            rowStart[t - from] = n;
            n += active == null ? 1 : active[t];
        }
        rowStart[steps] = n;
        xs = room(xs, n * nIn);
        projections = room(projections, n * width);
        for (int t = from; t < to; t++) {
            int rows = rowStart[t - from + 1] - rowStart[t - from];
            System.arraycopy(stepInputs[t], 0, xs, rowStart[t - from] * nIn, rows * nIn);
        }
        if (Kernels.vectorised()) {
            weightIhT = room(weightIhT, width * nIn);
            Kernels.transpose(weightIh.data, width, nIn, weightIhT);
            Kernels.mult(xs, weightIhT, projections, n, nIn, width, false);
        } else {
            Kernels.multTransB(xs, n, nIn, weightIh.data, width, projections, false);
        }
        this.from = from;
        this.to = to;
    }

    /** Copies the projection of step {@code t} (of the last {@link #project}) into the first rows of {@code net}. */
    void projection(int t, DMatrixRMaj net) {
        if (t < from || t >= to) {
            throw new IllegalStateException("step " + t + " was not projected (chunk " + from + " to " + (to - 1) + ")");
        }
        int first = rowStart[t - from];
        System.arraycopy(projections, first * width, net.data, 0, (rowStart[t - from + 1] - first) * width);
    }

    /** {@code net = x Wᵀ} for the rows of one step, with the same arithmetic as {@link #project}. */
    void projectStep(DMatrixRMaj x, DMatrixRMaj weightIh, DMatrixRMaj net) {
        Kernels.multTransB(x.data, x.numRows, nIn, weightIh.data, width, net.data, false);
    }

    /**
     * Starts a chunk of steps run forward with the recurrent weights {@code weightHh} [GH, H] (unchanged
     * until the chunk ends): keeps their transpose when the products run on SIMD lanes.
     */
    void beginChunk(DMatrixRMaj weightHh) {
        recurrentTransposed = Kernels.vectorised();
        if (recurrentTransposed) {
            weightHhT = room(weightHhT, weightHh.getNumElements());
            Kernels.transpose(weightHh.data, weightHh.numRows, weightHh.numCols, weightHhT);
        }
    }

    /** Starts a single step: the recurrent product reads the weights as they are. */
    void singleStep() {
        recurrentTransposed = false;
    }

    /**
     * {@code net (+)= h Rᵀ} for the rows of h, R = {@code weightHh} [GH, H] (the weights of the chunk
     * begun by {@link #beginChunk}, or of a {@link #singleStep}); with {@code add} added to net.
     */
    void recurrent(DMatrixRMaj h, DMatrixRMaj weightHh, DMatrixRMaj net, boolean add) {
        int rows = h.numRows;
        int gh = weightHh.numRows;
        if (h.numCols != weightHh.numCols || net.numRows != rows || net.numCols != gh) {
            throw new IllegalArgumentException("matrix shapes do not fit: h " + rows + "x" + h.numCols + ", R "
                    + gh + "x" + weightHh.numCols + ", net " + net.numRows + "x" + net.numCols);
        }
        if (recurrentTransposed) {
            Kernels.mult(h.data, weightHhT, net.data, rows, nH, gh, add);
        } else {
            Kernels.multTransB(h.data, rows, nH, weightHh.data, gh, net.data, add);
        }
    }

    /**
     * Starts a backward pass whose steps have up to {@code rowsPerStep} rows (B), adding to the
     * gradient buffers of {@code weight_ih} and {@code weight_hh}; with {@code separateRecurrentErrors}
     * the recurrent weights get errors of their own ({@link #record}), otherwise the input weights'.
     */
    void beginBackward(int rowsPerStep, boolean separateRecurrentErrors, DMatrixRMaj weightIhGradient,
                       DMatrixRMaj weightHhGradient) {
        this.separateRecurrentErrors = separateRecurrentErrors;
        this.weightIhGradient = weightIhGradient;
        this.weightHhGradient = weightHhGradient;
        int maxRows = Math.max(MAX_ROWS, rowsPerStep);
        inputErrors = room(inputErrors, maxRows * width);
        if (separateRecurrentErrors) {
            recurrentErrors = room(recurrentErrors, maxRows * width);
        }
        sources = room(sources, maxRows * nIn);
        previous = room(previous, maxRows * nH);
        backwardRows = 0;
    }

    /**
     * Keeps the rows of one visited step: the errors of the net inputs fed by {@code weight_ih}
     * ({@code inputErrors}) and by {@code weight_hh} ({@code recurrentErrors}, only when they differ),
     * and the sources x_t and h_{t-1} those weights read. When the buffers are full, the steps kept so
     * far are added to the gradients first.
     */
    void record(DMatrixRMaj inputErrors, DMatrixRMaj recurrentErrors, DMatrixRMaj x, DMatrixRMaj hPrev) {
        int rows = inputErrors.numRows;
        if ((backwardRows + rows) * width > this.inputErrors.length) {
            addGradients();
        }
        int at = backwardRows;
        System.arraycopy(inputErrors.data, 0, this.inputErrors, at * width, rows * width);
        if (separateRecurrentErrors) {
            System.arraycopy(recurrentErrors.data, 0, this.recurrentErrors, at * width, rows * width);
        }
        System.arraycopy(x.data, 0, sources, at * nIn, rows * nIn);
        System.arraycopy(hPrev.data, 0, previous, at * nH, rows * nH);
        backwardRows = at + rows;
    }

    /** Adds the weight gradients of the steps recorded and not yet added since {@link #beginBackward}. */
    void finishBackward() {
        addGradients();
    }

    /** {@code δW += Δᵀ X}, {@code δR += Δᵀ H₋₁} over the rows kept: two products. */
    private void addGradients() {
        int n = backwardRows;
        if (n == 0) {
            return;
        }
        SequenceProducts.multAddTransA(inputErrors, n, width, sources, nIn, weightIhGradient.data);        // δW += Δᵀ X
        SequenceProducts.multAddTransA(separateRecurrentErrors ? recurrentErrors : inputErrors, n, width,
                previous, nH, weightHhGradient.data);                                                       // δR += Δᵀ H₋₁
        backwardRows = 0;
    }

    private static double[] room(double[] array, int size) {
        return array.length >= size ? array : new double[Math.max(size, 2 * array.length)];
    }
}
