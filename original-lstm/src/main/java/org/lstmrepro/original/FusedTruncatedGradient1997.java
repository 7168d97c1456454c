package org.lstmrepro.original;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.truncated.TruncatedGradient1997;

/**
 * The 1997 truncated gradient (Hochreiter and Schmidhuber 1997, appendix A) for the 1997 LSTM, with
 * the per-step work fused into one loop: the fast path of {@code --rule truncated1997} for
 * {@link Lstm1997Network}, for the long-lag campaigns of hundreds of millions of steps.
 *
 * <p>It computes exactly what the generic {@link TruncatedGradient1997} computes for this network, in
 * the same floating-point order, so the two give bit-identical gradients, losses and training runs
 * (tested). What it saves is the generic rule's plumbing: no trajectory ring buffer (two state
 * vectors used in turn), no copy of z(t) (the traces read it where the forward step left it, at the
 * start of the state vector), no carousel factors (they are exactly 1 in this network:
 * {@code 1 * x == x}, so skipping the multiplication changes no bit), and the traces of both traced
 * groups in one contiguous array, row-major, updated in one pass over z(t):
 * <pre>
 *   traces[r (N + 1) + m] = ds_c/dw_rm,  r = c: cell c's own row, r = C + c: its input gate's row; m = N: bias
 *   ds_c/dw_rm (t) = ds_c/dw_rm (t-1) + q_r(t) z_m(t)
 * </pre>
 * (A source-major layout, whose inner loops run over the 2C rows, measured slower: at 2C = 8 the JIT
 * compiler does not vectorise loops that short.)
 * Like the generic rule it allocates nothing per step or sequence and calls
 * {@link GradientListener#gradientReady(int)} after every step with a target, where a trainer may
 * update the weights (in place: the forward step reads the parameters' arrays at every step).
 */
public final class FusedTruncatedGradient1997 implements LearningRule {

    private final Lstm1997Network network;
    private final OutputUnits outputUnits;
    private final int cells;
    private final int sources;
    private final int stride;
    private final int cellsPerBlock;
    /** Two state vectors, used in turn (step t writes {@code states[t & 1]}), and the outputs of each. */
    private final double[][] states;
    private final double[][] outputs;
    private final double[] traces;
    /** q(t): the direct factors of the 2C traced rows ({@link Lstm1997Network#directFactors}). */
    private final double[] directFactor;
    private final double[] outputDelta;
    private final double[] cellStateError;
    private final double[] cellGradient;
    private final double[] gateGradient;

    public FusedTruncatedGradient1997(Lstm1997Network network) {
        network.checkTruncatedGradientSupported();
        Lstm1997Layout layout = network.layout();
        this.network = network;
        this.outputUnits = network.outputUnits();
        this.cells = layout.cells();
        this.sources = layout.sources();
        this.stride = sources + 1;
        this.cellsPerBlock = layout.cellsPerBlock();
        this.states = new double[2][network.stateSize()];
        this.outputs = new double[2][layout.outputs()];
        this.traces = new double[2 * cells * stride];
        this.directFactor = new double[2 * cells];
        this.outputDelta = new double[layout.outputs()];
        this.cellStateError = new double[cells];
        this.cellGradient = new double[cells * stride];
        this.gateGradient = new double[layout.blocks() * stride];
    }

    @Override
    public String id() {
        return "truncated1997";
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
        double loss = 0;
        double[] previous = null;
        for (int t = 0; t < inputs.length; t++) {
            double[] st = states[t & 1];
            double[] y = outputs[t & 1];
            network.step(inputs[t], previous, st, y, t);
            observer.onStep(t, y);
            network.directFactors(st, directFactor);
            advanceTraces(st);
            double[] target = targets[t];
            if (target != null) {
                loss += outputUnits.lossAndDelta(y, target, outputDelta);
                network.truncatedBackward(st, outputDelta, cellStateError);
                addTracedGradients();
                listener.gradientReady(t);
            }
            previous = st;
        }
        return loss;
    }

    /** ds_c/dw (t) += q(t) [z(t), 1] for the 2C traced rows, the two rows of a cell in one loop; z(t) = st[0, N). */
    private void advanceTraces(double[] st) {
        int n = sources;
        int gateRows = cells * stride;
        double[] q = directFactor;
        for (int c = 0; c < cells; c++) {
            double qCell = q[c];
            double qGate = q[cells + c];
            int cellBase = c * stride;
            int gateBase = gateRows + cellBase;
            for (int m = 0; m < n; m++) {
                double z = st[m];
                traces[cellBase + m] += qCell * z;
                traces[gateBase + m] += qGate * z;
            }
            traces[cellBase + n] += qCell;
            traces[gateBase + n] += qGate;
        }
    }

    /**
     * dE/dw += sum over the cells c a row drives of e_s_c(t) ds_c/dw (t): each cell has its own row;
     * an input gate's row sums over the S cells of its block, in cell order.
     */
    private void addTracedGradients() {
        int gateRows = cells * stride;
        Arrays.fill(cellGradient, 0.0);
        Arrays.fill(gateGradient, 0.0);
        for (int c = 0; c < cells; c++) {
            double e = cellStateError[c];
            int from = c * stride;
            int gate = (c / cellsPerBlock) * stride;
            for (int m = 0; m < stride; m++) {
                cellGradient[from + m] += e * traces[from + m];
                gateGradient[gate + m] += e * traces[gateRows + from + m];
            }
        }
        network.addTracedGradient(0, cellGradient);
        network.addTracedGradient(1, gateGradient);
    }
}
