package org.lstmrepro.original;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.math.Kernels;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * The 1997 truncated gradient (Hochreiter and Schmidhuber 1997, appendix A) for the 1997 LSTM, fused
 * and blocked: the fast path of {@code --rule truncated1997} for {@link Lstm1997Network}, for the
 * long-lag campaigns of hundreds of millions of steps.
 *
 * <p>It computes exactly what the generic {@link TruncatedGradient1997} computes for this network, in
 * the same floating-point operations and order, so the two give bit-identical gradients, losses and
 * training runs (tested). What it saves:
 * <ul>
 *   <li>the generic rule's plumbing: no trajectory (a ring of state vectors of its own), no copy of
 *       z(t) (it is the start of each step's state vector), no carousel factors (exactly 1 in this
 *       network, and {@code 1 * x == x});</li>
 *   <li>most of the memory traffic of the traces. With a carousel factor of 1 a trace is a plain sum,
 *       {@code ds_c/dw_rm (t) = sum over tau <= t of q_r(tau) z_m(tau)}, so instead of a load, a fused
 *       multiply-add and a store per trace entry and step, the rule keeps the direct factors q(tau) of
 *       up to {@value #BLOCK} pending steps and adds them with {@link Kernels#outerChains}: blocks of 8
 *       rows by 4 sources whose sums stay in registers (SIMD lanes over the 4 sources) while they run
 *       over the pending steps. Each sum still takes its terms one by one in the order of the steps,
 *       with the same fused multiply-add the generic rule uses, hence the same bits. The block is added
 *       when it is full and at every step with a target (the traces must be current there).</li>
 *   <li>the net inputs' loop over units: {@link Lstm1997Network#step} reads a source-major copy of
 *       the weights ({@link Lstm1997Network#snapshotWeights}, taken at the start of each sequence and
 *       after every {@link GradientListener#gradientReady}, where the weights may change) with
 *       {@link Kernels#affineChains}, four units per SIMD lane group, each unit's sum the generic
 *       chain.</li>
 *   <li>the traces of weights from inputs that stay zero. A trace column m changes only at steps with
 *       z_m(tau) != 0 (a term {@code q * 0} leaves a fused multiply-add's sum as it was), so a block
 *       adds only the 4-column groups of inputs that were non-zero at one of its pending steps, and
 *       every group of recurrent sources. With one-hot inputs (Experiment 2c: p + 4 symbols) a step's
 *       cost no longer grows with p, and the sums are the same to the bit.</li>
 * </ul>
 * Under the appendix's timing ({@link Lstm1997Network#outputsReadPreviousStep()}) an error at step t is
 * that of the cells of t-1: the rule adds it before step t joins the pending steps, as the generic rule
 * does before it advances its traces.
 * Trace rows: r = c is cell c's own row, r = C + c its input gate's row; {@code traces[r P + m]}
 * for the sources m &lt; N (P = N rounded up to a multiple of 4; the columns past N add values that
 * are never read), {@code biasTraces[r]} for the bias. Like the generic rule it allocates nothing per
 * step or sequence and calls {@link GradientListener#gradientReady(int)} after every step with a
 * target, where a trainer may update the weights in place.
 */
public final class FusedTruncatedGradient1997 implements LearningRule {

    /** Pending steps at most before their terms are added to the traces. */
    static final int BLOCK = 16;
    private static final int TILE = 4;

    private final Lstm1997Network network;
    private final OutputUnits outputUnits;
    private final int cells;
    private final int sources;
    private final int cellsPerBlock;
    /** 2C rounded up to a multiple of 8, {@link Kernels#outerChains}' tile (the rows past 2C have q = 0). */
    private final int rows;
    /** N rounded up to a multiple of 4. */
    private final int columns;
    /** BLOCK + 1 state vectors used in turn, so the pending steps' z(tau) stay intact; their outputs. */
    private final double[][] states;
    private final double[][] outputs;
    /** The state vectors of the pending steps, in order, and their direct factors {@code q[k rows + r]}. */
    private final double[][] pendingStates;
    private final double[] pendingFactors;
    private int pending;
    private final double[] traces;
    private final double[] biasTraces;
    private final double[] outputDelta;
    private final double[] cellStateError;
    private final double[] cellGradient;
    private final double[] gateGradient;
    /** 4-column groups [0, inputGroups) hold input columns only; the later ones (recurrent sources) are always added. */
    private final int inputGroups;
    /** The first columns of the input groups touched by a pending step (non-zero input), in the order first touched; the marks by group. */
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;

    public FusedTruncatedGradient1997(Lstm1997Network network) {
        network.checkTruncatedGradientSupported();
        if (network.hasTraceLimits()) {
            throw new IllegalArgumentException("the fused 1997 rule does not clip traces; use TruncatedGradient1997"
                    + " for a network with trace limits");
        }
        Lstm1997Layout layout = network.layout();
        this.network = network;
        this.outputUnits = network.outputUnits();
        this.cells = layout.cells();
        this.sources = layout.sources();
        this.cellsPerBlock = layout.cellsPerBlock();
        this.rows = (2 * cells + 7) / 8 * 8;
        this.columns = roundUp(sources);
        // a tile reads z(tau) up to index columns - 1 of a state vector: it must be that long
        this.states = new double[BLOCK + 1][Math.max(network.stateSize(), columns)];
        this.outputs = new double[BLOCK + 1][layout.outputs()];
        this.pendingStates = new double[BLOCK][];
        this.pendingFactors = new double[BLOCK * rows];
        this.traces = new double[rows * columns];
        this.biasTraces = new double[rows];
        this.outputDelta = new double[layout.outputs()];
        this.cellStateError = new double[cells];
        int stride = sources + 1;
        this.cellGradient = new double[cells * stride];
        this.gateGradient = new double[layout.blocks() * stride];
        this.inputGroups = layout.inputs() / TILE;
        this.touched = new int[inputGroups];
        this.isTouched = new boolean[inputGroups];
    }

    private static int roundUp(int n) {
        return (n + TILE - 1) / TILE * TILE;
    }

    @Override
    public String id() {
        return TruncatedGradient1997.ID;
    }

    @Override
    public RecurrentNetwork network() {
        return network;
    }

    @Override
    public double accumulate(Sequence sequence, StepObserver observer, GradientListener listener) {
        double[][] inputs = sequence.inputs();
        double[][] targets = sequence.targets();
        Arrays.fill(traces, 0.0);
        Arrays.fill(biasTraces, 0.0);
        pending = 0;
        clearTouched();
        network.snapshotWeights();
        double loss = 0;
        double[] previous = null;
        int slot = 0;
        boolean errorAtPreviousStep = network.outputsReadPreviousStep();
        for (int t = 0; t < inputs.length; t++) {
            double[] st = states[slot];
            double[] y = outputs[slot];
            slot = slot == BLOCK ? 0 : slot + 1;
            network.step(inputs[t], previous, st, y, t);
            observer.onStep(t, y);
            double[] target = targets[t];
            if (errorAtPreviousStep) {
                // appendix timing: the output read the cells of t-1, whose traces are those before step t
                if (target != null) {
                    addPendingToTraces();
                    loss += outputUnits.lossAndDelta(y, target, outputDelta);
                    network.truncatedBackward(previous == null ? network.zeroState() : previous, outputDelta,
                            cellStateError);
                    addTracedGradients();
                    listener.gradientReady(t);
                    network.snapshotWeights();      // the listener may have updated the weights
                } else if (pending == BLOCK) {
                    addPendingToTraces();
                }
                network.directFactors(st, pendingFactors, pending * rows);
                pendingStates[pending++] = st;
                touchInputGroups();
            } else {
                network.directFactors(st, pendingFactors, pending * rows);
                pendingStates[pending++] = st;
                touchInputGroups();
                if (target != null) {
                    addPendingToTraces();
                    loss += outputUnits.lossAndDelta(y, target, outputDelta);
                    network.truncatedBackward(st, outputDelta, cellStateError);
                    addTracedGradients();
                    listener.gradientReady(t);
                    network.snapshotWeights();      // the listener may have updated the weights
                } else if (pending == BLOCK) {
                    addPendingToTraces();
                }
            }
            previous = st;
        }
        return loss;
    }

    /** Marks the input groups of the step just computed that hold a non-zero input. */
    private void touchInputGroups() {
        int[] active = network.activeInputs();
        int n = network.activeInputCount();
        for (int k = 0; k < n; k++) {
            int group = active[k] / TILE;
            if (group < inputGroups && !isTouched[group]) {
                isTouched[group] = true;
                touched[touchedCount++] = group * TILE;
            }
        }
    }

    private void clearTouched() {
        for (int k = 0; k < touchedCount; k++) {
            isTouched[touched[k] / TILE] = false;
        }
        touchedCount = 0;
    }

    /**
     * traces += sum over the pending steps tau, in order, of q(tau) [z(tau), 1], over the touched input
     * groups and all later columns (the others would add only zeros); then none is pending. Each trace
     * entry is its own chain of fused multiply-adds over the steps ({@link Kernels#outerChains}, 4
     * sources per SIMD lane group), each bias trace its own chain of additions ({@link Kernels#sumChains}).
     */
    private void addPendingToTraces() {
        int steps = pending;
        Kernels.outerChains(traces, columns, rows, touched, touchedCount, inputGroups * TILE, columns, pendingFactors,
                rows, pendingStates, steps);
        Kernels.sumChains(biasTraces, rows, pendingFactors, rows, steps);
        pending = 0;
        clearTouched();
    }

    /**
     * dE/dw += sum over the cells c a row drives of e_s_c(t) ds_c/dw (t): each cell has its own row;
     * an input gate's row sums over the S cells of its block, in cell order.
     */
    private void addTracedGradients() {
        int stride = sources + 1;
        Arrays.fill(cellGradient, 0.0);
        Arrays.fill(gateGradient, 0.0);
        for (int c = 0; c < cells; c++) {
            double e = cellStateError[c];
            int to = c * stride;
            int gate = (c / cellsPerBlock) * stride;
            int cellRow = c * columns;
            int gateRow = (cells + c) * columns;
            for (int m = 0; m < sources; m++) {
                cellGradient[to + m] += e * traces[cellRow + m];
                gateGradient[gate + m] += e * traces[gateRow + m];
            }
            cellGradient[to + sources] += e * biasTraces[c];
            gateGradient[gate + sources] += e * biasTraces[cells + c];
        }
        network.addTracedGradient(0, cellGradient);
        network.addTracedGradient(1, gateGradient);
    }
}
