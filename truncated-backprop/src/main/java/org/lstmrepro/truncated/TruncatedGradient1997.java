package org.lstmrepro.truncated;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;

/**
 * The <em>1997 truncated gradient</em> of Hochreiter and Schmidhuber (1997, appendix A): error flows
 * back in time only through the constant error carousel; not to be confused with truncated BPTT over
 * windows ({@link TruncatedBptt}).
 *
 * <p><b>What is truncated.</b> The error arriving at the net inputs of cells and gates changes the
 * weights into those units but is not propagated to the units that fed them at {@code t - 1}. The only
 * path back in time is {@code s_c(t) -> s_c(t-1)}, with factor 1 (the carousel factor of a
 * {@link CecNetwork}; the forget gate's activation in the LSTM of Gers et al. 2000).
 *
 * <p><b>How it is computed: forward, online.</b> Because nothing but the carousel reaches back, the
 * derivative of each cell state with respect to each weight that feeds it directly (the cell's own
 * input weights and its input gate's weights, appendix A) can be carried forward as a trace:
 * <pre>
 *   ds_c/dw_rm (t) = phi_c(t) ds_c/dw_rm (t-1) + q_c,r(t) z_m(t)
 * </pre>
 * (see {@link CecNetwork} for the symbols; a peephole's trace has the source s_c(t-1) in place of
 * z_m(t)), reset to zero at the start of every sequence. At a step
 * with an error the network reports the cell-state errors {@code e_s_c(t)} and adds the immediate
 * gradients of the output layer, the output gates and conventional hidden units; this rule adds
 * {@code e_s_c(t) ds_c/dw (t)} (summed over the cells a weight drives) for the traced weights, then
 * calls {@link GradientListener#gradientReady(int)}. A trainer may change the weights there (the paper
 * updates online, after every step with an error); the traces simply continue with the new weights,
 * as in the paper.
 *
 * <p><b>Cost.</b> O(C G N) = O(W) work per step (C cells, G traced groups, N sources) and memory
 * independent of the sequence length: a trajectory of two steps and the traces. Nothing is allocated
 * per step or per sequence after construction.
 *
 * <p><b>What it equals.</b> With the weights held fixed over a sequence (no update at
 * {@code gradientReady}), the summed gradient is the exact gradient of the same network in which the
 * previous-step activations feeding the cells, gates and hidden units are treated as constants (only
 * the carousel path kept). The output layer's gradient equals that of full BPTT; the others differ.
 */
public final class TruncatedGradient1997 implements LearningRule {

    /** The rule's id, {@code --rule truncated1997}. */
    public static final String ID = "truncated1997";

    private final CecNetwork network;
    private final OutputUnits outputUnits;
    private final Trajectory trajectory;
    private final int cells;
    private final int sources;
    private final int groups;
    private final int stride;
    /** {@code traces[g][c * stride + m]}: ds_c/dw_rm for the row r of group g that drives cell c; m = N is the bias. */
    private final double[][] traces;
    private final int[][] rowOfCell;
    /** {@code traceLimit[g][c * stride + m]}: the bound on that trace ({@link CecNetwork#traceLimits}), or null per group. */
    private final double[][] traceLimit;
    private final double[] z;
    private final double[] carouselFactor;
    private final double[][] directFactor;
    private final double[] cellStateError;
    private final double[][] groupGradient;
    private final double[] outputDelta;
    /** The traced groups with peepholes, and per such group {@code peepholeTraces[k][c]}: ds_c/dp_c. */
    private final int[] peepholeGroups;
    private final double[][] peepholeTraces;
    private final double[] peepholeSource;
    private final double[] peepholeGradient;

    /**
     * @throws IllegalArgumentException if the network refuses the rule
     *                                  ({@link CecNetwork#checkTruncatedGradientSupported()}), or a group
     *                                  with peepholes drives two cells through one row
     */
    public TruncatedGradient1997(CecNetwork network) {
        network.checkTruncatedGradientSupported();
        this.network = network;
        this.outputUnits = network.outputUnits();
        this.trajectory = network.newTrajectory(2);
        this.cells = network.cellCount();
        this.sources = network.sourceCount();
        this.groups = network.tracedGroupCount();
        this.stride = sources + 1;
        this.traces = new double[groups][cells * stride];
        this.rowOfCell = new int[groups][cells];
        this.groupGradient = new double[groups][];
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < cells; c++) {
                rowOfCell[g][c] = network.tracedRowOfCell(g, c);
            }
            groupGradient[g] = new double[network.tracedRowCount(g) * stride];
        }
        this.traceLimit = traceLimits(network, rowOfCell, cells, stride);
        this.z = new double[sources];
        this.carouselFactor = new double[cells];
        this.directFactor = new double[groups][cells];
        this.cellStateError = new double[cells];
        this.outputDelta = new double[network.outputSize()];
        this.peepholeGroups = peepholeGroups(network, rowOfCell);
        this.peepholeTraces = new double[peepholeGroups.length][cells];
        this.peepholeSource = new double[peepholeGroups.length > 0 ? cells : 0];
        this.peepholeGradient = new double[peepholeSource.length];
    }

    /** The network's trace bounds per weight, laid out per cell as the traces are. */
    private static double[][] traceLimits(CecNetwork network, int[][] rowOfCell, int cells, int stride) {
        double[][] out = new double[rowOfCell.length][];
        for (int g = 0; g < out.length; g++) {
            double[] perWeight = network.traceLimits(g);
            if (perWeight == null) {
                continue;
            }
            if (perWeight.length != network.tracedRowCount(g) * stride) {
                throw new IllegalArgumentException("trace limits of group " + g + " have " + perWeight.length
                        + " values, the group has " + network.tracedRowCount(g) * stride + " weights");
            }
            out[g] = new double[cells * stride];
            for (int c = 0; c < cells; c++) {
                System.arraycopy(perWeight, rowOfCell[g][c] * stride, out[g], c * stride, stride);
            }
        }
        return out;
    }

    private static int[] peepholeGroups(CecNetwork network, int[][] rowOfCell) {
        int[] groups = new int[network.tracedGroupCount()];
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            if (network.tracedGroupHasPeepholes(g)) {
                boolean[] taken = new boolean[network.tracedRowCount(g)];
                for (int row : rowOfCell[g]) {
                    if (taken[row]) {
                        throw new IllegalArgumentException("traced group " + g + " has peepholes but drives two cells"
                                + " through row " + row + "; the 1997 truncated gradient traces a peephole into its own"
                                + " cell only");
                    }
                    taken[row] = true;
                }
                groups[n++] = g;
            }
        }
        return Arrays.copyOf(groups, n);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RecurrentNetwork network() {
        return network;
    }

    @Override
    public double accumulate(Sequence sequence, StepObserver observer, GradientListener listener) {
        double[][] inputs = sequence.inputs();
        double[][] targets = sequence.targets();
        for (double[] trace : traces) {
            Arrays.fill(trace, 0.0);
        }
        for (double[] trace : peepholeTraces) {
            Arrays.fill(trace, 0.0);
        }
        double loss = 0;
        boolean errorAtPreviousStep = network.outputsReadPreviousStep();
        for (int t = 0; t < inputs.length; t++) {
            network.forwardStep(trajectory, t, inputs[t]);
            double[] y = network.output(trajectory, t);
            observer.onStep(t, y);
            if (!errorAtPreviousStep) {
                network.cecStep(trajectory, t, z, carouselFactor, directFactor);
                advanceTraces(t);
            }
            if (targets[t] != null) {
                // the cells the output read: of step t, or of t-1 with the traces still as of t-1
                loss += outputUnits.lossAndDelta(y, targets[t], outputDelta);
                network.truncatedBackward(trajectory, t, outputDelta, cellStateError);
                addTracedGradients();
                listener.gradientReady(t);
            }
            if (errorAtPreviousStep) {
                network.cecStep(trajectory, t, z, carouselFactor, directFactor);
                advanceTraces(t);
            }
        }
        return loss;
    }

    /**
     * ds_c/dw (t) = phi_c(t) ds_c/dw (t-1) + q_c(t) z(t), for every cell and traced group, and
     * ds_c/dp_c (t) = phi_c(t) ds_c/dp_c (t-1) + q_c(t) s_c(t-1) for the peepholes.
     */
    private void advanceTraces(int t) {
        for (int g = 0; g < groups; g++) {
            double[] trace = traces[g];
            double[] q = directFactor[g];
            for (int c = 0; c < cells; c++) {
                double phi = carouselFactor[c];
                double qc = q[c];
                int base = c * stride;
                for (int m = 0; m < sources; m++) {
                    trace[base + m] = Math.fma(qc, z[m], phi * trace[base + m]);
                }
                trace[base + sources] = phi * trace[base + sources] + qc;
            }
            double[] limit = traceLimit[g];
            if (limit != null) {
                for (int k = 0; k < trace.length; k++) {
                    trace[k] = Math.max(-limit[k], Math.min(limit[k], trace[k]));
                }
            }
        }
        if (peepholeGroups.length > 0) {
            network.peepholeSources(trajectory, t, peepholeSource);
        }
        for (int k = 0; k < peepholeGroups.length; k++) {
            double[] trace = peepholeTraces[k];
            double[] q = directFactor[peepholeGroups[k]];
            for (int c = 0; c < cells; c++) {
                trace[c] = carouselFactor[c] * trace[c] + q[c] * peepholeSource[c];
            }
        }
    }

    /** dE/dw_rm += sum over the cells c driven by row r of e_s_c(t) ds_c/dw_rm (t). */
    private void addTracedGradients() {
        for (int g = 0; g < groups; g++) {
            double[] gradient = groupGradient[g];
            Arrays.fill(gradient, 0.0);
            double[] trace = traces[g];
            for (int c = 0; c < cells; c++) {
                double e = cellStateError[c];
                int from = c * stride;
                int to = rowOfCell[g][c] * stride;
                for (int m = 0; m < stride; m++) {
                    gradient[to + m] += e * trace[from + m];
                }
            }
            network.addTracedGradient(g, gradient);
        }
        for (int k = 0; k < peepholeGroups.length; k++) {
            double[] trace = peepholeTraces[k];
            for (int c = 0; c < cells; c++) {
                peepholeGradient[c] = cellStateError[c] * trace[c];
            }
            network.addPeepholeGradient(peepholeGroups[k], peepholeGradient);
        }
    }
}
