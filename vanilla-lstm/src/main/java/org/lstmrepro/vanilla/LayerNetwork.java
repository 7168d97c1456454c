package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * What the networks of this module ({@link VanillaLstm} and its variants, {@link Gru},
 * {@link SimpleRnn}) share: one recurrent layer of H units whose stacked net inputs (G blocks of H:
 * 4 for the LSTM, 3 for the GRU, 1 for the simple RNN) are fed by {@code weight_ih} [GH, I] from x_t
 * and {@code weight_hh} [GH, H] from h_{t-1}, read by an {@link OutputLayer}; the plumbing of the
 * {@link BatchBpttNetwork} contract; and the whole-sequence form of it.
 *
 * <p><b>Whole sequences.</b> {@link #forwardSteps}/{@link #forwardBatchSteps} project the inputs of
 * the steps of the chunk, {@code W x_t}, as one matrix product before the recurrence, and
 * {@link #backwardSteps}/{@link #backwardBatchSteps} add the weight gradients {@code δW += Σ_t δ_tᵀ x_t}
 * and {@code δR += Σ_t δ_tᵀ h_{t-1}} as one product each after the pass ({@link SequenceBuffers}; Greff
 * et al.'s Brainstorm library does the same), in pieces of at most {@link SequenceBuffers#MAX_ROWS}
 * rows (steps times sequences: a sequence of up to 128 steps, 4 steps of a batch of 32). The single-step methods are the chunk of one step, with
 * the same kernels, so a step's forward values do not depend on the path.
 *
 * <p>A subclass adds its own parameters between the two weight matrices and the output layer
 * ({@link #addOutputLayer}), and supplies the recurrent part of the step: {@link #recurrentStep}
 * (everything after {@code W x_t}) and {@link #backwardKernel} (everything but the weight gradients
 * of {@code weight_ih} and {@code weight_hh}, which it hands to {@link SequenceBuffers#record}).
 *
 * @param <T> the network's trajectory
 */
abstract class LayerNetwork<T extends LayerTrajectory> implements BatchBpttNetwork {

    /** The tensor names of the two weight matrices (interchange spec, as PyTorch names them). */
    static final String WEIGHT_IH = "weight_ih";
    static final String WEIGHT_HH = "weight_hh";

    final int nIn;
    final int nH;
    final ParameterSet parameters = new ParameterSet();
    /** {@code weight_ih} [GH, I]. */
    final Parameter weightIh;
    /** {@code weight_hh} [GH, H]. */
    final Parameter weightHh;
    OutputLayer output;

    private T inference;

    /**
     * @param blocks G, the blocks of H net inputs fed by the weights (gates and block input)
     */
    LayerNetwork(int inputSize, int hiddenSize, int blocks) {
        this.nIn = inputSize;
        this.nH = hiddenSize;
        this.weightIh = parameters.add(Parameter.matrix(WEIGHT_IH, blocks * nH, nIn));
        this.weightHh = parameters.add(Parameter.matrix(WEIGHT_HH, blocks * nH, nH));
    }

    /** {@code config}, or an error naming the network when there is none. */
    static <C> C required(C config, String network) {
        if (config == null) {
            throw new IllegalArgumentException(network + " needs a configuration");
        }
        return config;
    }

    /** Adds the output layer's parameters, after the subclass's own. */
    final void addOutputLayer(int outputSize, OutputUnits units) {
        this.output = new OutputLayer(parameters, nH, outputSize, units);
    }

    /**
     * For the baselines (GRU, simple RNN): adds the output layer and draws the weights in the one order
     * their results depend on, W_ih, then W_hh (recurrent initialisation), then the output layer; the
     * biases stay 0.
     */
    final void addOutputLayerAndDraw(BaselineConfig config, RandomStream random) {
        addOutputLayer(config.outputSize(), config.outputUnits());
        Initialiser init = new Initialiser(config.initialisation(), random);
        init.draw(weightIh);
        init.drawRecurrent(weightHh);
        output.initialise(init);
    }

    /** The carry between backward steps: one row of H (the baselines); the LSTM carries more. */
    @Override
    public int carrySize() {
        return nH;
    }

    /** A trajectory for up to {@code rows} sequences of up to {@code capacity} steps. */
    abstract T trajectory(int rows, int capacity);

    /** The trajectory's class, to check that a trajectory was made by this network. */
    abstract Class<T> trajectoryType();

    /**
     * The rest of forward step {@code t} after {@code net = W x_t} is in place in {@link #netInput}:
     * the recurrent products, biases, activations, the new state and the output units.
     */
    abstract void recurrentStep(T tr, int t);

    /** Where step t's stacked net inputs go ([rows, GH]); the projection {@code W x_t} is written there first. */
    abstract DMatrixRMaj netInput(T tr, int t);

    /**
     * Backward through step {@code t} for every row of the step, except for the gradients of
     * {@code weight_ih} and {@code weight_hh}: their errors and sources go to
     * {@code tr.sequence.record}.
     */
    abstract void backwardKernel(T tr, int t, double[] outputNetDelta, double[] carry);

    /** Whether {@code weight_hh} gets errors of its own (the GRU's r ⊙ in n̄), not those of {@code weight_ih}. */
    boolean separateRecurrentErrors() {
        return false;
    }

    public final int hiddenSize() {
        return nH;
    }

    @Override
    public final int inputSize() {
        return nIn;
    }

    @Override
    public final int outputSize() {
        return output.size();
    }

    @Override
    public final ParameterSet parameters() {
        return parameters;
    }

    @Override
    public final OutputUnits outputUnits() {
        return output.units();
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        return SequenceRunner.forward(this, inference(), sequence, observer);
    }

    /** The trajectory {@link #forward} uses. */
    final T inference() {
        if (inference == null) {
            inference = trajectory(1, SequenceRunner.CHUNK);
        }
        return inference;
    }

    @Override
    public final Trajectory newTrajectory(int capacity) {
        return trajectory(1, capacity);
    }

    @Override
    public final Trajectory newBatchTrajectory(int batchSize, int capacity) {
        return trajectory(batchSize, capacity);
    }

    @Override
    public final double[] output(Trajectory trajectory, int t) {
        LayerTrajectory tr = own(trajectory);
        tr.store.checkHeld(t);
        return tr.out.at(t).data;
    }

    @Override
    public final double[] batchOutput(Trajectory trajectory, int t) {
        return output(trajectory, t);
    }

    // ------------------------------------------------------------------------------------------ forward

    @Override
    public final void forwardStep(Trajectory trajectory, int t, double[] input) {
        RowOps.checkInput(input, nIn, t);
        forwardBatchStep(trajectory, t, input, 1);
    }

    @Override
    public final void forwardBatchStep(Trajectory trajectory, int t, double[] inputs, int active) {
        T tr = own(trajectory);
        beginStep(tr, t, inputs, active);
        recurrentStep(tr, t);
    }

    /** Starts step t: records its rows, copies x_t, and projects it: {@code net = W x_t}. */
    final void beginStep(T tr, int t, double[] inputs, int active) {
        RowOps.checkBatchInputs(inputs, active, nIn, t);
        tr.store.beginForward(t, active);
        tr.sequence.singleStep();
        DMatrixRMaj x = tr.x.at(t);
        System.arraycopy(inputs, 0, x.data, 0, active * nIn);
        tr.sequence.projectStep(x, weightIh.valueMatrix(), netInput(tr, t));
    }

    @Override
    public final void forwardSteps(Trajectory trajectory, double[][] inputs, int from, int to) {
        T tr = own(trajectory);
        for (int t = from; t < to; t++) {
            RowOps.checkInput(inputs[t], nIn, t);
        }
        tr.sequence.beginChunk(weightHh.valueMatrix());
        for (int start = from; start < to; start += SequenceBuffers.MAX_ROWS) {
            int end = Math.min(to, start + SequenceBuffers.MAX_ROWS);
            tr.sequence.project(inputs, null, start, end, weightIh.valueMatrix());
            for (int t = start; t < end; t++) {
                stepFromProjection(tr, t, inputs[t], 1);
            }
        }
    }

    @Override
    public final void forwardBatchSteps(Trajectory trajectory, double[][] stepInputs, int[] active, int from, int to) {
        T tr = own(trajectory);
        for (int t = from; t < to; t++) {
            RowOps.checkBatchInputs(stepInputs[t], active[t], nIn, t);
        }
        tr.sequence.beginChunk(weightHh.valueMatrix());
        int start = from;
        while (start < to) {
            int end = start + 1;                                  // steps up to MAX_ROWS rows, at least one
            for (int rows = active[start]; end < to && rows + active[end] <= SequenceBuffers.MAX_ROWS; end++) {
                rows += active[end];
            }
            tr.sequence.project(stepInputs, active, start, end, weightIh.valueMatrix());
            for (int t = start; t < end; t++) {
                stepFromProjection(tr, t, stepInputs[t], active[t]);
            }
            start = end;
        }
    }

    private void stepFromProjection(T tr, int t, double[] inputs, int active) {
        tr.store.beginForward(t, active);
        System.arraycopy(inputs, 0, tr.x.at(t).data, 0, active * nIn);
        tr.sequence.projection(t, netInput(tr, t));
        recurrentStep(tr, t);
    }

    // ----------------------------------------------------------------------------------------- backward

    @Override
    public final void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        RowOps.checkSingle(outputNetDelta, outputSize(), carry, carrySize());
        backwardBatchStep(trajectory, t, outputNetDelta, carry);
    }

    @Override
    public final void backwardBatchStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        T tr = own(trajectory);
        RowOps.checkCarry(carry, tr.store.rows(), carrySize());
        tr.store.checkBackward(t);
        beginBackward(tr);
        backwardKernel(tr, t, outputNetDelta, carry);
        tr.sequence.finishBackward();
    }

    @Override
    public final void backwardSteps(Trajectory trajectory, int last, int first, OutputErrors errors, double[] carry) {
        RowOps.checkSingle(null, outputSize(), carry, carrySize());
        backwardBatchSteps(trajectory, last, first, errors, carry);
    }

    @Override
    public final void backwardBatchSteps(Trajectory trajectory, int last, int first, OutputErrors errors, double[] carry) {
        T tr = own(trajectory);
        RowOps.checkCarry(carry, tr.store.rows(), carrySize());
        tr.store.checkBackward(last);
        tr.store.checkBackward(first);
        beginBackward(tr);
        for (int t = last; t >= first; t--) {
            backwardKernel(tr, t, errors.at(t), carry);
        }
        tr.sequence.finishBackward();
    }

    /** Starts recording the weight gradients of a backward pass ({@link SequenceBuffers#record}). */
    final void beginBackward(T tr) {
        tr.sequence.beginBackward(tr.store.rows(), separateRecurrentErrors(), weightIh.gradientMatrix(),
                weightHh.gradientMatrix());
    }

    /** The trajectory as this network's own, or an error when another network made it. */
    final T own(Trajectory trajectory) {
        if (trajectory instanceof LayerTrajectory tr && tr.owner == this) {
            return trajectoryType().cast(tr);
        }
        throw new IllegalArgumentException("the trajectory was not made by this network's newTrajectory");
    }
}
