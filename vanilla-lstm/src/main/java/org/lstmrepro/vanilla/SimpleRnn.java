package org.lstmrepro.vanilla;

import org.lstmrepro.core.model.RecurrentBlock;
import java.util.List;
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
 * The simple (Elman) tanh RNN baseline, as PyTorch {@code nn.RNN}: h_t = tanh(W_ih x_t + W_hh h_{t-1} + b),
 * h_{-1} = 0, read by a layer of output units.
 *
 * <p>Tensors (docs/formats.md, model id {@code rnn}): {@code weight_ih} [H, I], {@code weight_hh}
 * [H, H], {@code bias} [H], {@code output.weight} [K, H], {@code output.bias} [K]. The carry is
 * dE/dh_t arriving through step t + 1 ([H]). One sequence or a masked minibatch
 * ({@link BatchBpttNetwork}; the single-sequence methods are the batch of one).
 */
public final class SimpleRnn implements BatchBpttNetwork {

    public static final String MODEL_ID = "rnn";
    public static final String WEIGHT_IH = "weight_ih";
    public static final String WEIGHT_HH = "weight_hh";
    public static final String BIAS = "bias";

    private final BaselineConfig config;
    private final int nIn;
    private final int nH;
    private final ParameterSet parameters = new ParameterSet();
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter bias;
    private final OutputLayer output;

    private RnnTrajectory inference;

    /** A network with the configured sizes, its weights drawn from {@code random}, biases 0. */
    public SimpleRnn(BaselineConfig config, RandomStream random) {
        if (config == null) {
            throw new IllegalArgumentException("a simple RNN needs a configuration");
        }
        this.config = config;
        this.nIn = config.inputSize();
        this.nH = config.hiddenSize();
        this.weightIh = parameters.add(Parameter.matrix(WEIGHT_IH, nH, nIn));
        this.weightHh = parameters.add(Parameter.matrix(WEIGHT_HH, nH, nH));
        this.bias = parameters.add(Parameter.vector(BIAS, nH));
        this.output = new OutputLayer(parameters, nH, config.outputSize(), config.outputUnits());
        Initialiser init = new Initialiser(config.initialisation(), random);
        init.draw(weightIh);
        init.drawRecurrent(weightHh);
        output.initialise(init);
    }

    public BaselineConfig config() {
        return config;
    }

    public int hiddenSize() {
        return nH;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int inputSize() {
        return nIn;
    }

    @Override
    public int outputSize() {
        return output.size();
    }

    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public OutputUnits outputUnits() {
        return output.units();
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        if (inference == null) {
            inference = new RnnTrajectory(this, 1, 1);
        }
        return SequenceRunner.forward(this, inference, sequence, observer);
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new RnnTrajectory(this, 1, capacity);
    }

    @Override
    public Trajectory newBatchTrajectory(int batchSize, int capacity) {
        return new RnnTrajectory(this, batchSize, capacity);
    }

    @Override
    public int carrySize() {
        return nH;
    }

    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        return List.of(new RecurrentBlock("W_hh", weightHh, 0, 0, nH));
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        return own(trajectory).held(t).out.at(t).data;
    }

    @Override
    public double[] batchOutput(Trajectory trajectory, int t) {
        return output(trajectory, t);
    }

    /** The hidden state h_t (a view; do not modify). */
    public double[] hidden(Trajectory trajectory, int t) {
        return own(trajectory).held(t).h.at(t).data;
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        RowOps.checkInput(input, nIn, t);
        forwardBatchStep(trajectory, t, input, 1);
    }

    @Override
    public void forwardBatchStep(Trajectory trajectory, int t, double[] inputs, int active) {
        RnnTrajectory tr = own(trajectory);
        RowOps.checkBatchInputs(inputs, active, nIn, t);
        tr.store.beginForward(t, active);
        DMatrixRMaj x = tr.x.at(t);
        System.arraycopy(inputs, 0, x.data, 0, active * nIn);
        DMatrixRMaj hNow = tr.h.at(t);
        BatchProducts.multTransB(x, weightIh.valueMatrix(), hNow);              // a = W_ih x_t
        BatchProducts.multAddTransB(tr.hPrev(t), weightHh.valueMatrix(), hNow); // a += W_hh h_{t-1}
        RowOps.addToEveryRow(bias.value(), hNow);                                // a += b
        double[] hv = hNow.data;
        for (int k = 0; k < active * nH; k++) {
            hv[k] = StrictMath.tanh(hv[k]);                                            // h_t = tanh(a)
        }
        output.forward(hNow, tr.out.at(t));
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        RowOps.checkSingle(outputNetDelta, outputSize(), carry, nH);
        backwardBatchStep(trajectory, t, outputNetDelta, carry);
    }

    @Override
    public void backwardBatchStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        RnnTrajectory tr = own(trajectory);
        RowOps.checkCarry(carry, tr.store.rows(), nH);
        tr.store.checkBackward(t);
        int rows = tr.store.active(t);
        DMatrixRMaj hNow = tr.h.at(t);
        DMatrixRMaj deltaH = RowOps.rows(tr.deltaH, rows);
        RowOps.fromCarry(carry, nH, 0, deltaH);                                  // dE/dh_t from step t + 1
        if (outputNetDelta != null) {
            output.loadDelta(outputNetDelta, rows, tr.outputDelta);
            output.backward(hNow, tr.outputDelta, deltaH);                       // + W_outᵀ δnet_t
        }
        DMatrixRMaj deltaNet = RowOps.rows(tr.deltaNet, rows);
        double[] hv = hNow.data;
        for (int k = 0; k < rows * nH; k++) {
            deltaNet.data[k] = deltaH.data[k] * (1 - hv[k] * hv[k]);             // δ_t = dE/dh_t ⊙ tanh'
        }
        RowOps.addRowSum(deltaNet, bias.gradient());                             // δb += δ_t
        BatchProducts.multAddTransA(deltaNet, tr.x.at(t), weightIh.gradientMatrix());  // δW_ih += δ_tᵀ x_t
        BatchProducts.multAddTransA(deltaNet, tr.hPrev(t), weightHh.gradientMatrix()); // δW_hh += δ_tᵀ h_{t-1}
        DMatrixRMaj deltaHPrev = RowOps.rows(tr.deltaHPrev, rows);
        BatchProducts.mult(deltaNet, weightHh.valueMatrix(), deltaHPrev);              // dE/dh_{t-1} = W_hhᵀ δ_t
        RowOps.toCarry(deltaHPrev, carry, nH, 0);
    }

    private RnnTrajectory own(Trajectory trajectory) {
        if (trajectory instanceof RnnTrajectory tr && tr.owner == this) {
            return tr;
        }
        throw new IllegalArgumentException("the trajectory was not made by this network's newTrajectory");
    }

    /** Per-step activations of one {@link SimpleRnn} for up to B sequences, and the backward scratch. */
    private static final class RnnTrajectory implements Trajectory {
        final SimpleRnn owner;
        final StepStore store;
        final StepSeries x;    // x_t  [I]
        final StepSeries h;    // h_t  [H]
        final StepSeries out;  // output units [K]
        final DMatrixRMaj zeroH;        // h_{-1} = 0
        final DMatrixRMaj deltaH;       // dE/dh_t                   [B, H]
        final DMatrixRMaj deltaNet;     // δ_t = dE/d(net input)     [B, H]
        final DMatrixRMaj deltaHPrev;   // δ_t W_hh                  [B, H]
        final DMatrixRMaj outputDelta;  // dE/dnet of the outputs    [B, K]

        RnnTrajectory(SimpleRnn owner, int rows, int capacity) {
            this.owner = owner;
            this.store = new StepStore(capacity, rows);
            this.x = store.series(owner.nIn);
            this.h = store.series(owner.nH);
            this.out = store.series(owner.outputSize());
            this.zeroH = new DMatrixRMaj(rows, owner.nH);
            this.deltaH = new DMatrixRMaj(rows, owner.nH);
            this.deltaNet = new DMatrixRMaj(rows, owner.nH);
            this.deltaHPrev = new DMatrixRMaj(rows, owner.nH);
            this.outputDelta = new DMatrixRMaj(rows, owner.outputSize());
        }

        /** This trajectory, after checking that step {@code t} is held. */
        RnnTrajectory held(int t) {
            store.checkHeld(t);
            return this;
        }

        /** h_{t-1} for the rows of step t. */
        DMatrixRMaj hPrev(int t) {
            return t == 0 ? RowOps.rows(zeroH, store.active(t)) : h.firstRows(t - 1, store.active(t));
        }

        @Override
        public int capacity() {
            return store.capacity();
        }

        @Override
        public void ensureCapacity(int steps) {
            store.ensureCapacity(steps);
        }
    }
}
