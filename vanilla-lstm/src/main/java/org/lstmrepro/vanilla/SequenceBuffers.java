package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;

/**
 * What a trajectory keeps to run the time-independent products of a whole chunk of steps at once
 * ({@link SequenceProducts}): before the recurrence, the inputs of the chunk's steps packed row after
 * row and their projections {@code W x_t}; during a backward pass, each visited step's net-input
 * errors and sources (x_t, h_{t-1}), packed in the order visited, for the weight gradients
 * {@code δW += Δᵀ X}, {@code δR += Δᵀ H₋₁} at its end.
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
        SequenceProducts.multTransB(xs, n, nIn, weightIh.data, width, projections);
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
        SequenceProducts.multTransB(x.data, x.numRows, nIn, weightIh.data, width, net.data);
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
