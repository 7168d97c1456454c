package org.lstmrepro.original;

import org.lstmrepro.core.model.RecurrentBlock;
import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.CarryLayout;
import java.util.Optional;
import java.util.List;
import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.math.Activation;
import org.lstmrepro.core.math.ActivationKernels;
import org.lstmrepro.core.math.Exponential;
import org.lstmrepro.core.math.Kernels;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.truncated.CecNetwork;

/**
 * The LSTM of Hochreiter and Schmidhuber (1997): memory cell blocks with a constant error carousel,
 * input and output gates, no forget gate, no peepholes; optional conventional hidden units.
 *
 * <p><b>Forward pass</b> (section 4; timing as in the experiments: input, hidden and output layer
 * within one step). With {@code z(t) = [x(t), a(t-1)]} (see {@link Lstm1997Layout}, a(-1) = 0):
 * <pre>
 *   y^in_j(t)  = f(W_in_j . z(t) + b),  y^out_j(t) = f(W_out_j . z(t) + b),  y^h(t) = f(W_h . z(t) + b)
 *   s_c(t)     = s_c(t-1) + y^in_j(t) g(W_c . z(t) + b_c),   s_c(-1) = 0        (the CEC)
 *   y^c(t)     = y^out_j(t) h(s_c(t))
 *   y^k(t)     = f_k(W_k . [y^c(t), y^h(t) (, x(t))] + b_k)
 * </pre>
 * with f the logistic sigmoid, g = {@link Activation#G_1997}, h = {@link Activation#H_1997}, and j the
 * block of cell c.
 *
 * <p><b>The appendix's timing</b> ({@link Lstm1997Config.Timing#APPENDIX}; appendix A.1): every unit reads
 * its sources' activations of the previous step, so {@code z(t) = [x(t-1), a(t-1)]} (x(-1) = 0) and
 * {@code y^k(t) = f_k(W_k . [y^c(t-1), y^h(t-1)] + b_k)}: an input reaches the hidden layer one step
 * later, and the output layer sees the cells one step later, than in the experiments' timing. The
 * truncated gradient then takes the error of step t to the cells of step t-1, with their traces as of
 * t-1 (appendix A.2's {@code delta_k(t+1)} in the cells' and output gates' errors); see
 * {@link #outputsReadPreviousStep()}.
 *
 * <p><b>Parameters</b> (in this order; shapes with C cells, B blocks, H hidden units, N sources, M
 * output sources, K outputs): {@code cell.weight} [C, N], {@code cell.bias} [C], {@code hidden.weight}
 * [H, N] and {@code hidden.bias} [H] (only when H > 0), {@code input_gate.weight} [B, N],
 * {@code input_gate.bias} [B], {@code output_gate.weight} [B, N], {@code output_gate.bias} [B],
 * {@code output.weight} [K, M], {@code output.bias} [K].
 *
 * <p><b>Learning rules.</b> {@link BpttNetwork#backwardStep} is the exact (full BPTT) backward step, every
 * path included; its carry is {@code [dE/ds_c(t) (C), dE/da(t)[0, R) (R)]}. As a {@link CecNetwork} it
 * supports the 1997 truncated gradient. For checking that rule, {@link #detached()} is the same
 * network with the exact backward pass of the detached graph (the previous-step activations in z(t)
 * treated as constants, only the carousel path kept), and
 * {@link #forwardWithConstantSources(Sequence, double[][], StepObserver)} is that graph's forward pass.
 */
public final class Lstm1997Network implements CecNetwork {

    /** Unit kinds, in the order of a(t). */
    private static final int CELL = 0;
    private static final int HIDDEN = 1;
    private static final int INPUT_GATE = 2;
    private static final int OUTPUT_GATE = 3;
    private static final int KINDS = 4;

    private static final Activation F = Activation.SIGMOID;
    private static final Activation G = Activation.G_1997;
    private static final Activation H = Activation.H_1997;

    private final Lstm1997Config config;
    private final Lstm1997Layout layout;
    private final OutputUnits outputUnits;
    private final ParameterSet parameters = new ParameterSet();
    /** Weight matrix [rows, N] and bias per unit kind; null for a kind without units (no hidden units). */
    private final Parameter[] kindWeight = new Parameter[KINDS];
    private final Parameter[] kindBias = new Parameter[KINDS];
    private final int[] kindOffset = new int[KINDS];
    private final int[] kindRows = new int[KINDS];
    /** Per traced group, the bounds on its weights' traces, or null ({@link #setTraceLimits}). */
    private final double[][] traceLimits = new double[2][];
    private final Parameter outputWeight;
    private final Parameter outputBias;

    // Sizes and offsets into a step's state vector [z(t) | a(t) | g(net_c) | h(s_c) | s_c].
    private final int nI;
    private final int nC;
    private final int nA;
    private final int nR;
    private final int nN;
    private final int nS;
    private final int offA;
    private final int offG;
    private final int offHs;
    private final int offS;
    /** Appendix timing: where a step's state keeps its own input x(t), which the next step reads. */
    private final int offX;
    private final int stateSize;
    /** The appendix's timing ({@link Lstm1997Config.Timing#APPENDIX}). */
    private final boolean appendix;
    private final boolean sigmoidOutputs;
    /**
     * Per hidden-layer unit u (in the order of a(t)): the weight array of its kind, where its row
     * starts, the bias array of its kind and its row there. The arrays are the parameters' own, which
     * optimizers update in place.
     */
    private final double[][] unitWeights;
    private final int[] unitRowStart;
    private final double[][] unitBiases;
    private final int[] unitRow;
    /**
     * The hidden layer's weights source-major, {@code [N + 1][A]}: row 0 the biases b_u, row m + 1 the
     * weights w_um from source m, for {@link Kernels#affineChains}; a copy taken by
     * {@link #snapshotWeights()}, read only by {@link #step} (the fused rule's path).
     */
    private final double[] weightSnapshot;
    /** The block j of each cell c (c / S, without the division in the step). */
    private final int[] blockOfCell;

    // Scratch, allocated once.
    /**
     * The indices of the non-zero inputs of the step last computed, ascending, and how many there are
     * ({@link #activeInputs()}); used when inputs are sparse (one-hot symbols: Experiment 2c's p + 4).
     */
    private final int[] activeInputs;
    private int activeCount;
    private final double[] outputNet;
    private final double[] dA;
    private final double[] dS;
    private final double[] unitDelta;
    private final double[] ownDirectFactors;
    /** dE/da(t-1) from the output layer of step t (appendix timing). */
    private final double[] dPrevious;
    /** The state of the step before the first: all zero (appendix timing, truncated rule at t = 0). */
    private final double[] zeroState;
    private final Lstm1997Trajectory ownTrajectory;

    /** The paper's network: output units with squared error. */
    public Lstm1997Network(Lstm1997Config config) {
        this(config, Loss.SQUARED_ERROR);
    }

    /**
     * The network with another loss on its output units, e.g. the binary cross-entropy of a polyphonic
     * music task (JSB Chorales) so that it is trained on and measured by the same negative log-likelihood
     * as the vanilla LSTM beside it; the learning rules start from {@link OutputUnits#lossAndDelta}.
     */
    public Lstm1997Network(Lstm1997Config config, Loss loss) {
        this.config = config;
        this.layout = Lstm1997Layout.of(config);
        this.outputUnits = new OutputUnits(config.outputActivation(), loss);
        nI = layout.inputs();
        nC = layout.cells();
        nA = layout.units();
        nR = layout.recurrentSources();
        nN = layout.sources();
        nS = layout.cellsPerBlock();
        offA = nN;
        offG = offA + nA;
        offHs = offG + nC;
        offS = offHs + nC;
        offX = offS + nC;
        appendix = config.timing() == Lstm1997Config.Timing.APPENDIX;
        stateSize = offX + (appendix ? nI : 0);
        sigmoidOutputs = config.outputActivation() == OutputActivation.SIGMOID;
        blockOfCell = new int[nC];
        for (int c = 0; c < nC; c++) {
            blockOfCell[c] = layout.blockOf(c);
        }

        addKind(CELL, "cell", nC, 0);
        addKind(HIDDEN, "hidden", layout.hidden(), layout.hiddenOffset());
        addKind(INPUT_GATE, "input_gate", layout.blocks(), layout.inputGateOffset());
        addKind(OUTPUT_GATE, "output_gate", layout.blocks(), layout.outputGateOffset());
        unitWeights = new double[nA][];
        unitRowStart = new int[nA];
        unitBiases = new double[nA][];
        unitRow = new int[nA];
        for (int k = 0; k < KINDS; k++) {
            for (int r = 0; r < kindRows[k]; r++) {
                int u = kindOffset[k] + r;
                unitWeights[u] = kindWeight[k].value();
                unitRowStart[u] = r * nN;
                unitBiases[u] = kindBias[k].value();
                unitRow[u] = r;
            }
        }
        outputWeight = parameters.add(Parameter.outputMatrix("output.weight", layout.outputs(), layout.outputSources()));
        outputBias = parameters.add(Parameter.outputVector("output.bias", layout.outputs()));

        activeInputs = new int[nI];
        weightSnapshot = new double[(nN + 1) * nA];
        outputNet = new double[layout.outputs()];
        dA = new double[nA];
        dS = new double[nC];
        unitDelta = new double[nA];
        ownDirectFactors = new double[2 * nC];
        dPrevious = new double[nA];
        zeroState = new double[stateSize];
        ownTrajectory = new Lstm1997Trajectory(2, stateSize, layout.outputs());
    }

    private void addKind(int kind, String name, int rows, int offset) {
        kindOffset[kind] = offset;
        kindRows[kind] = rows;
        if (rows > 0) {
            kindWeight[kind] = parameters.add(Parameter.matrix(name + ".weight", rows, nN));
            kindBias[kind] = parameters.add(Parameter.vector(name + ".bias", rows));
        }
    }

    public Lstm1997Config config() {
        return config;
    }

    public Lstm1997Layout layout() {
        return layout;
    }

    @Override
    public String modelId() {
        return "original1997";
    }

    @Override
    public int inputSize() {
        return nI;
    }

    @Override
    public int outputSize() {
        return layout.outputs();
    }

    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public OutputUnits outputUnits() {
        return outputUnits;
    }

    // ------------------------------------------------------------------------------------------ forward

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new Lstm1997Trajectory(capacity, stateSize, layout.outputs());
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        Lstm1997Trajectory tr = own(trajectory);
        checkInput(input, t);
        if (t > 0 && tr.capacity() < 2) {
            throw new IllegalArgumentException("a trajectory of capacity 1 cannot hold step " + (t - 1)
                    + " while step " + t + " is computed");
        }
        if (t == 0) {
            computeStep(input, null, 0, null, tr.claim(t), tr.output(t));
        } else {
            double[] previous = tr.state(t - 1);
            computeStep(input, previous, offA, previous, tr.claim(t), tr.output(t));
        }
    }

    /**
     * Length of a step's state vector {@code [z(t) | a(t) | g(net_c) | h(s_c) | s_c]} (appendix timing:
     * then {@code x(t)}); z(t) comes first.
     */
    int stateSize() {
        return stateSize;
    }

    /**
     * One forward step on raw state vectors, for {@link FusedTruncatedGradient1997}: fills {@code st}
     * (whose first N entries are then z(t)) and {@code y} from {@code x} and the previous step's state
     * vector {@code previous} (null at t = 0). The hidden layer reads the weights as of the last
     * {@link #snapshotWeights()} (the caller takes one whenever the weights may have changed); the
     * numbers are those of {@link #forwardStep} with those weights, to the bit.
     */
    void step(double[] x, double[] previous, double[] st, double[] y, int t) {
        checkInput(x, t);
        computeStep(x, previous, offA, previous, st, y, true);
    }

    /** Copies the hidden layer's current weights and biases into the source-major snapshot {@link #step} reads. */
    void snapshotWeights() {
        for (int u = 0; u < nA; u++) {
            double[] w = unitWeights[u];
            int o = unitRowStart[u];
            weightSnapshot[u] = unitBiases[u][unitRow[u]];
            for (int m = 0; m < nN; m++) {
                weightSnapshot[(m + 1) * nA + u] = w[o + m];
            }
        }
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        return own(trajectory).output(t);
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        return forwardWithConstantSources(sequence, null, observer);
    }

    /**
     * Copies the cell states s_c(t) of step {@code t}, which the trajectory must still hold, into
     * {@code into} (length C; cell v of block j at j S + v). For diagnostics (gradient-flow reports).
     */
    public void cellStates(Trajectory trajectory, int t, double[] into) {
        System.arraycopy(own(trajectory).state(t), offS, into, 0, nC);
    }

    /**
     * Copies the hidden-layer activations a(t) of step {@code t} ({@link Lstm1997Layout}: y^c, y^h, y^in,
     * y^out; length A), which the trajectory must still hold, into {@code into}. For diagnostics.
     */
    public void activations(Trajectory trajectory, int t, double[] into) {
        System.arraycopy(own(trajectory).state(t), offA, into, 0, nA);
    }

    /**
     * The activations a(t)[0, R) that the hidden layer reads at step t + 1, for every step of the
     * sequence, computed with the current weights: the constants of the detached graph.
     *
     * @return {@code [T][R]}, fresh arrays
     */
    double[][] recordRecurrentSources(Sequence sequence) {
        double[][] recorded = new double[sequence.length()][];
        double[][] inputs = sequence.inputs();
        for (int t = 0; t < inputs.length; t++) {
            forwardStep(ownTrajectory, t, inputs[t]);
            recorded[t] = Arrays.copyOfRange(ownTrajectory.state(t), offA, offA + nR);
        }
        return recorded;
    }

    /**
     * Forward pass of the detached graph: the hidden layer at step t reads {@code recorded[t - 1]}
     * instead of its own previous activations, while the cell states still run through the carousel.
     * With {@code recorded = null} this is the ordinary forward pass; with the recording of
     * {@link #recordRecurrentSources} taken at the current weights it gives the same numbers as the
     * ordinary forward pass, and its derivatives with respect to the weights (recording held fixed) are
     * what the 1997 truncated gradient computes.
     *
     * @param recorded {@code [T][R]}, or null
     * @return the loss summed over the steps with a target
     */
    double forwardWithConstantSources(Sequence sequence, double[][] recorded, StepObserver observer) {
        double[][] inputs = sequence.inputs();
        double[][] targets = sequence.targets();
        if (recorded != null) {
            checkRecording(recorded, inputs.length);
        }
        Loss loss = outputUnits.loss();
        double total = 0;
        for (int t = 0; t < inputs.length; t++) {
            checkInput(inputs[t], t);
            double[] state = ownTrajectory.claim(t);
            double[] y = ownTrajectory.output(t);
            if (t == 0) {
                computeStep(inputs[t], null, 0, null, state, y);
            } else {
                double[] previous = ownTrajectory.state(t - 1);
                if (recorded == null) {
                    computeStep(inputs[t], previous, offA, previous, state, y);
                } else {
                    computeStep(inputs[t], recorded[t - 1], 0, previous, state, y);
                }
            }
            observer.onStep(t, y);
            if (targets[t] != null) {
                total += loss.value(y, targets[t]);
            }
        }
        return total;
    }

    private void checkRecording(double[][] recorded, int steps) {
        if (recorded.length < steps - 1) {
            throw new IllegalArgumentException("recorded sources cover " + recorded.length + " steps, the sequence needs "
                    + (steps - 1));
        }
        for (int t = 0; t < steps - 1; t++) {
            if (recorded[t] == null || recorded[t].length != nR) {
                throw new IllegalArgumentException("recorded sources at step " + t + " must hold " + nR + " values");
            }
        }
    }

    /**
     * One step: fills {@code st} (the state of step t) and {@code y}.
     *
     * @param prevA      holds a(t-1)[0, R) from index {@code prevAOffset}; null at t = 0
     * @param prevStates the state vector of step t-1 (for s_c(t-1)); null at t = 0
     */
    private void computeStep(double[] x, double[] prevA, int prevAOffset, double[] prevStates, double[] st, double[] y) {
        computeStep(x, prevA, prevAOffset, prevStates, st, y, false);
    }

    /** {@link #computeStep}, the net inputs from the weight snapshot when {@code snapshot} ({@link #step}). */
    private void computeStep(double[] x, double[] prevA, int prevAOffset, double[] prevStates, double[] st, double[] y,
                             boolean snapshot) {
        // z(t) = [x(t), a(t-1)[0, R)]: element loops, cheaper than System.arraycopy at these lengths;
        // the non-zero inputs are listed on the way
        int active = 0;
        if (appendix) {
            // the hidden layer reads the input of t-1 (appendix A.1); this step keeps x(t) for the next
            for (int i = 0; i < nI; i++) {
                double xi = prevStates == null ? 0.0 : prevStates[offX + i];
                st[i] = xi;
                st[offX + i] = x[i];
                if (xi != 0.0) {
                    activeInputs[active++] = i;
                }
            }
        } else {
            for (int i = 0; i < nI; i++) {
                double xi = x[i];
                st[i] = xi;
                if (xi != 0.0) {
                    activeInputs[active++] = i;
                }
            }
        }
        activeCount = active;
        if (prevA == null) {
            for (int m = nI; m < nN; m++) {
                st[m] = 0.0;
            }
        } else {
            for (int m = 0; m < nR; m++) {
                st[nI + m] = prevA[prevAOffset + m];
            }
        }
        if (snapshot) {
            // sparse inputs: the listed non-zero inputs, then the recurrent sources; dense: all sources in order
            boolean sparse = 2 * activeCount < nI;
            Kernels.affineChains(weightSnapshot, nA, nA, st, activeInputs, sparse ? activeCount : 0, sparse ? nI : 0, nN,
                    st, offA);
        } else {
            netInputs(st);
        }
        // f over the hidden units and gates, g over the cells, four units per SIMD lane group
        ActivationKernels.sigmoid(st, offA + nC, nA - nC);
        ActivationKernels.symmetricSigmoid(st, offA, st, offG, nC, 2.0);  // g = 4 sigma - 2
        int inGate = offA + layout.inputGateOffset();
        int outGate = offA + layout.outputGateOffset();
        for (int c = 0; c < nC; c++) {  // the CEC: s_c(t) = s_c(t-1) + y^in g(net_c)
            st[offS + c] = Math.fma(st[inGate + blockOfCell[c]], st[offG + c], prevStates == null ? 0.0 : prevStates[offS + c]);
        }
        ActivationKernels.symmetricSigmoid(st, offS, st, offHs, nC, 1.0); // h = 2 sigma - 1
        for (int c = 0; c < nC; c++) {  // y^c = y^out h(s_c)
            st[offA + c] = st[outGate + blockOfCell[c]] * st[offHs + c];
        }
        // output layer, from the current step (appendix timing: from the previous step's cells, live)
        double[] w = outputWeight.value();
        double[] b = outputBias.value();
        int m = layout.outputSources();
        int fromCells = nC + layout.hidden();
        double[] cellsRead = appendix ? prevStates : st;
        for (int k = 0; k < outputNet.length; k++) {
            double net = cellsRead == null ? b[k] : b[k] + dot(w, k * m, cellsRead, offA, fromCells);
            if (m > fromCells) {
                net += dot(w, k * m + fromCells, st, 0, nI);
            }
            outputNet[k] = net;
        }
        if (sigmoidOutputs) {
            for (int k = 0; k < outputNet.length; k++) {
                y[k] = Exponential.sigmoid(outputNet[k]);
            }
        } else {
            config.outputActivation().apply(outputNet, y);
        }
    }

    /**
     * The indices of the non-zero inputs x_i(t) of the step this network computed last, ascending, in
     * {@code [0, activeInputCount())} of the returned array (the network's own; read it before the next
     * step). For {@link FusedTruncatedGradient1997}, whose input-weight traces change only there.
     */
    int[] activeInputs() {
        return activeInputs;
    }

    /** How many entries of {@link #activeInputs()} are valid. */
    int activeInputCount() {
        return activeCount;
    }

    /**
     * The net inputs of all hidden-layer units, {@code net_u = b_u + sum_m w_um z_m(t)}, written into
     * a(t); z(t) = st[0, N). Four units at a time, whatever their kind ({@link #unitWeights}): four
     * independent chains of fused multiply-adds the processor overlaps, each summed in source order.
     *
     * <p>When most inputs are zero (one-hot symbols) the input part of each sum runs over the non-zero
     * inputs only ({@link #sparseNetInputs}): a term {@code w * 0} adds a zero, which leaves a fused
     * multiply-add's sum as it was, so the result is the same to the bit and the cost per step no
     * longer grows with the number of inputs.
     */
    private void netInputs(double[] st) {
        if (2 * activeCount < nI) {
            sparseNetInputs(st);
            return;
        }
        int n = nN;
        int u = 0;
        for (; u + 3 < nA; u += 4) {
            double[] w0 = unitWeights[u];
            double[] w1 = unitWeights[u + 1];
            double[] w2 = unitWeights[u + 2];
            double[] w3 = unitWeights[u + 3];
            int o0 = unitRowStart[u];
            int o1 = unitRowStart[u + 1];
            int o2 = unitRowStart[u + 2];
            int o3 = unitRowStart[u + 3];
            double s0 = unitBiases[u][unitRow[u]];
            double s1 = unitBiases[u + 1][unitRow[u + 1]];
            double s2 = unitBiases[u + 2][unitRow[u + 2]];
            double s3 = unitBiases[u + 3][unitRow[u + 3]];
            for (int m = 0; m < n; m++) {
                double z = st[m];
                s0 = Math.fma(w0[o0 + m], z, s0);
                s1 = Math.fma(w1[o1 + m], z, s1);
                s2 = Math.fma(w2[o2 + m], z, s2);
                s3 = Math.fma(w3[o3 + m], z, s3);
            }
            st[offA + u] = s0;
            st[offA + u + 1] = s1;
            st[offA + u + 2] = s2;
            st[offA + u + 3] = s3;
        }
        for (; u < nA; u++) {
            double[] w0 = unitWeights[u];
            int o0 = unitRowStart[u];
            double s0 = unitBiases[u][unitRow[u]];
            for (int m = 0; m < n; m++) {
                s0 = Math.fma(w0[o0 + m], st[m], s0);
            }
            st[offA + u] = s0;
        }
    }

    /**
     * {@link #netInputs} over the non-zero inputs and all recurrent sources, in source order, one unit at
     * a time (a handful of terms per unit, nothing for the processor to overlap).
     */
    private void sparseNetInputs(double[] st) {
        int[] active = activeInputs;
        int nActive = activeCount;
        for (int u = 0; u < nA; u++) {
            double[] w = unitWeights[u];
            int o = unitRowStart[u];
            double sum = unitBiases[u][unitRow[u]];
            for (int k = 0; k < nActive; k++) {
                int m = active[k];
                sum = Math.fma(w[o + m], st[m], sum);
            }
            for (int m = nI; m < nN; m++) {
                sum = Math.fma(w[o + m], st[m], sum);
            }
            st[offA + u] = sum;
        }
    }

    private static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    // ----------------------------------------------------------------------------------------- backward

    @Override
    public int carrySize() {
        return nC + nR;
    }

    /** The carry {@code [dE/ds_c (C) | dE/da(t)[0, R)]}: cell states s at [0, C), cell outputs y^c at [C, 2C). */
    @Override
    public CarryLayout carryLayout() {
        return new CarryLayout(0, nC, nC, nC, "s", "y^c");
    }

    @Override
    public Optional<GateProbe> gateProbe() {
        return Optional.of(new Lstm1997GateProbe(this));
    }

    /** The cell inputs from the cell outputs y^c(t-1): columns [I, I + C) of {@code cell.weight}. */
    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        return List.of(new RecurrentBlock("W_c,y^c", parameters.get("cell.weight"), 0, layout().inputs(), nC));
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        backward(own(trajectory).state(t), outputNetDelta, carry, false);
    }

    /**
     * The exact backward step of the detached graph: the carry keeps dE/ds_c along the carousel and drops
     * every path through a(t-1). Under {@code FullBptt}, {@link #detached()} yields what the 1997
     * truncated gradient computes (with the weights held fixed).
     */
    @Override
    public void detachedBackwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        backward(own(trajectory).state(t), outputNetDelta, carry, true);
    }

    /**
     * One backward step. On entry {@code carry = [dE/ds(t), dE/da(t)[0, R)]} from later steps; on exit the
     * same for t - 1 ({@code cutRecurrent}: the second part zero).
     */
    private void backward(double[] st, double[] outputNetDelta, double[] carry, boolean cutRecurrent) {
        System.arraycopy(carry, nC, dA, 0, nR);
        Arrays.fill(dA, nR, nA, 0.0);
        boolean outputToPrevious = appendix && outputNetDelta != null;
        if (outputToPrevious) {
            // the output of step t read a(t-1), which z(t) holds at [I, I + C + H): its error goes back one step
            Arrays.fill(dPrevious, 0.0);
            outputLayerBackward(st, nI - offA, outputNetDelta, dPrevious);
        } else if (outputNetDelta != null) {
            outputLayerBackward(st, outputNetDelta);
        }
        System.arraycopy(carry, 0, dS, 0, nC);
        unitDeltas(st);
        for (int k = 0; k < KINDS; k++) {
            addWeightGradient(k, st);
        }
        // s_c(t) = s_c(t-1) + ...: dE/ds_c(t-1) = dE/ds_c(t), exactly (the CEC)
        System.arraycopy(dS, 0, carry, 0, nC);
        if (cutRecurrent) {
            Arrays.fill(carry, nC, nC + nR, 0.0);
        } else {
            propagateToPreviousStep(carry);
        }
        if (outputToPrevious) {
            // not cut: under the truncated rule too, the output's error reaches the cells it read (appendix A.2)
            for (int i = 0; i < nC + layout.hidden(); i++) {
                carry[nC + i] += dPrevious[i];
            }
        }
    }

    /** Output layer: adds its gradient, and W_k^T delta_k to dA for the units it reads. */
    private void outputLayerBackward(double[] st, double[] delta) {
        outputLayerBackward(st, 0, delta, dA);
    }

    /**
     * Output layer: adds its gradient, and W_k^T delta_k to {@code into} for the units it reads, whose
     * activations are {@code st[offA + shift + i]} (shift 0: a(t) of this step; appendix timing:
     * {@code I - offA}, the copy of a(t-1) in z(t)).
     */
    private void outputLayerBackward(double[] st, int shift, double[] delta, double[] into) {
        double[] w = outputWeight.value();
        double[] gw = outputWeight.gradient();
        double[] gb = outputBias.gradient();
        int m = layout.outputSources();
        int fromCells = nC + layout.hidden();
        for (int k = 0; k < delta.length; k++) {
            double d = delta[k];
            if (d == 0) {
                continue;
            }
            gb[k] += d;
            int row = k * m;
            for (int i = 0; i < fromCells; i++) {
                gw[row + i] += d * st[offA + shift + i];
                into[i] += d * w[row + i];
            }
            for (int i = fromCells; i < m; i++) {
                gw[row + i] += d * st[i - fromCells]; // x(t), stored at the start of z(t)
            }
        }
    }

    /**
     * From dA = dE/da(t) and dS = dE/ds(t) arriving from later steps, computes unitDelta = dE/dnet for
     * every hidden-layer unit and completes dS with the current step's path through y^c.
     */
    private void unitDeltas(double[] st) {
        int inGate = layout.inputGateOffset();
        int outGate = layout.outputGateOffset();
        for (int j = 0; j < layout.blocks(); j++) {
            double yIn = st[offA + inGate + j];
            double yOut = st[offA + outGate + j];
            double dYIn = dA[inGate + j];
            double dYOut = dA[outGate + j];
            for (int c = j * nS; c < (j + 1) * nS; c++) {
                double hs = st[offHs + c];
                double g = st[offG + c];
                double dYc = dA[c];
                dYOut += dYc * hs;                                     // y^c = y^out h(s)
                double ds = dS[c] + dYc * yOut * H.derivative(st[offS + c], hs); // s(t) can be deep in h's saturation
                dS[c] = ds;
                dYIn += ds * g;                                        // s += y^in g
                unitDelta[c] = ds * yIn * G.derivativeFromOutput(g);
            }
            unitDelta[inGate + j] = dYIn * F.derivativeFromOutput(yIn);
            unitDelta[outGate + j] = dYOut * F.derivativeFromOutput(yOut);
        }
        for (int u = layout.hiddenOffset(); u < inGate; u++) {
            unitDelta[u] = dA[u] * F.derivativeFromOutput(st[offA + u]);
        }
    }

    /** dE/dW_u += delta_u z(t), dE/db_u += delta_u for the units of one kind. */
    private void addWeightGradient(int kind, double[] st) {
        int rows = kindRows[kind];
        if (rows == 0) {
            return;
        }
        double[] gw = kindWeight[kind].gradient();
        double[] gb = kindBias[kind].gradient();
        int offset = kindOffset[kind];
        for (int r = 0; r < rows; r++) {
            double d = unitDelta[offset + r];
            if (d == 0) {
                continue;
            }
            gb[r] += d;
            int row = r * nN;
            for (int m = 0; m < nN; m++) {
                gw[row + m] += d * st[m];
            }
        }
    }

    /** carry[C + m] = dE/da(t-1)[m] = sum_u delta_u w_u,(I + m). */
    private void propagateToPreviousStep(double[] carry) {
        Arrays.fill(carry, nC, nC + nR, 0.0);
        for (int k = 0; k < KINDS; k++) {
            int rows = kindRows[k];
            if (rows == 0) {
                continue;
            }
            double[] w = kindWeight[k].value();
            int offset = kindOffset[k];
            for (int r = 0; r < rows; r++) {
                double d = unitDelta[offset + r];
                if (d == 0) {
                    continue;
                }
                int row = r * nN + nI;
                for (int m = 0; m < nR; m++) {
                    carry[nC + m] += d * w[row + m];
                }
            }
        }
    }

    // ------------------------------------------------------------------- the 1997 truncated gradient

    @Override
    public int cellCount() {
        return nC;
    }

    @Override
    public int sourceCount() {
        return nN;
    }

    /** Group 0: the cells' input weights; group 1: the input gates (appendix A). */
    @Override
    public int tracedGroupCount() {
        return 2;
    }

    @Override
    public int tracedRowCount(int group) {
        return kindRows[tracedKind(group)];
    }

    @Override
    public int tracedRowOfCell(int group, int cell) {
        return tracedKind(group) == CELL ? cell : cell / nS;
    }

    private static int tracedKind(int group) {
        return switch (group) {
            case 0 -> CELL;
            case 1 -> INPUT_GATE;
            default -> throw new IllegalArgumentException("traced group must be 0 (cells) or 1 (input gates), was " + group);
        };
    }

    /**
     * z(t); carousel factor 1; direct factors {@code y^in g'(net_c)} (cell row) and
     * {@code g(net_c) f'(net_in)} (input gate row), appendix A.
     */
    @Override
    public void cecStep(Trajectory trajectory, int t, double[] sources, double[] carouselFactor,
                        double[][] directFactor) {
        double[] st = own(trajectory).state(t);
        System.arraycopy(st, 0, sources, 0, nN);
        Arrays.fill(carouselFactor, 0, nC, 1.0);
        double[] q = ownDirectFactors;
        directFactors(st, q, 0);
        System.arraycopy(q, 0, directFactor[0], 0, nC);
        System.arraycopy(q, nC, directFactor[1], 0, nC);
    }

    /**
     * The direct factors of one step's state vector {@code st} (appendix A), for {@link #cecStep} and
     * {@link FusedTruncatedGradient1997}: {@code q[at + c] = y^in g'(net_c)} (cell c's own row) and
     * {@code q[at + C + c] = g(net_c) f'(net_in)} (its input gate's row).
     */
    void directFactors(double[] st, double[] q, int at) {
        int inGate = offA + layout.inputGateOffset();
        for (int c = 0; c < nC; c++) {
            double yIn = st[inGate + blockOfCell[c]];
            double g = st[offG + c];
            q[at + c] = yIn * G.derivativeFromOutput(g);
            q[at + nC + c] = g * F.derivativeFromOutput(yIn);
        }
    }

    /**
     * Output layer, output gates and hidden units from this step's error only (appendix A:
     * {@code delta_out_j = f'(net_out_j) sum_v h(s_cv) sum_k w_k,cv delta_k}), and
     * {@code e_s_c = y^out h'(s_c) sum_k w_k,c delta_k}.
     */
    @Override
    public void truncatedBackward(Trajectory trajectory, int t, double[] outputNetDelta, double[] cellStateError) {
        truncatedBackward(errorState(own(trajectory), t), outputNetDelta, cellStateError);
    }

    /**
     * The state whose cells the output of step t read: step t's own, or (appendix timing) step t-1's,
     * all zero before the first step.
     */
    private double[] errorState(Lstm1997Trajectory tr, int t) {
        if (!appendix) {
            return tr.state(t);
        }
        return t == 0 ? zeroState : tr.state(t - 1);
    }

    /**
     * True under the appendix's timing: the output of step t reads the cells of t-1, so the truncated
     * gradient of an error at t is that of the cells at t-1, with their traces as of t-1 (the rules
     * compute it before they add step t to the traces).
     */
    @Override
    public boolean outputsReadPreviousStep() {
        return appendix;
    }

    /** The state vector before the first step (all zero), for the truncated rule at t = 0 under the appendix's timing. */
    double[] zeroState() {
        return zeroState;
    }

    /** {@link #truncatedBackward(Trajectory, int, double[], double[])} on the state vector {@code st} of the step. */
    void truncatedBackward(double[] st, double[] outputNetDelta, double[] cellStateError) {
        Arrays.fill(dA, 0.0);
        outputLayerBackward(st, outputNetDelta);
        Arrays.fill(dS, 0.0);
        unitDeltas(st);
        addWeightGradient(HIDDEN, st);
        addWeightGradient(OUTPUT_GATE, st);
        System.arraycopy(dS, 0, cellStateError, 0, nC);
    }

    /**
     * Bounds the traces of traced group {@code group} ({@link CecNetwork#traceLimits}; set by
     * {@link WeightGroups}' {@code trace:L}). Only the generic rule {@code TruncatedGradient1997} clips
     * traces; {@link FusedTruncatedGradient1997} refuses a network with bounds.
     *
     * @param limits one bound per weight of the group, in the layout of {@link #addTracedGradient}
     *               (copied; each positive, infinity for none), or null to remove the bounds
     */
    public void setTraceLimits(int group, double[] limits) {
        int kind = tracedKind(group);
        if (limits == null) {
            traceLimits[group] = null;
            return;
        }
        int size = kindRows[kind] * (nN + 1);
        if (limits.length != size) {
            throw new IllegalArgumentException("trace limits of group " + group + " need " + size + " values, got "
                    + limits.length);
        }
        for (double l : limits) {
            if (!(l > 0)) {
                throw new IllegalArgumentException("trace limits must be positive (infinity for none), got " + l);
            }
        }
        traceLimits[group] = limits.clone();
    }

    @Override
    public double[] traceLimits(int group) {
        tracedKind(group);
        return traceLimits[group] == null ? null : traceLimits[group].clone();
    }

    /** Whether any trace of this network is bounded. */
    public boolean hasTraceLimits() {
        return traceLimits[0] != null || traceLimits[1] != null;
    }

    @Override
    public void addTracedGradient(int group, double[] gradient) {
        int kind = tracedKind(group);
        double[] gw = kindWeight[kind].gradient();
        double[] gb = kindBias[kind].gradient();
        int stride = nN + 1;
        for (int r = 0; r < kindRows[kind]; r++) {
            int from = r * stride;
            int row = r * nN;
            for (int m = 0; m < nN; m++) {
                gw[row + m] += gradient[from + m];
            }
            gb[r] += gradient[from + nN];
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    private Lstm1997Trajectory own(Trajectory trajectory) {
        if (trajectory instanceof Lstm1997Trajectory tr && tr.stateSize() == stateSize
                && tr.outputSize() == layout.outputs()) {
            return tr;
        }
        throw new IllegalArgumentException("trajectory was not made by this network's newTrajectory");
    }

    private void checkInput(double[] input, int t) {
        if (input.length != nI) {
            throw new IllegalArgumentException("input at step " + t + " has " + input.length + " values, the network has "
                    + nI + " input units");
        }
    }
}
