package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * The simple (Elman) tanh RNN baseline, as PyTorch {@code nn.RNN}: h_t = tanh(W_ih x_t + W_hh h_{t-1} + b),
 * h_{-1} = 0, read by a layer of output units.
 *
 * <p>Tensors (interchange.md, model id {@code rnn}): {@code weight_ih} [H, I], {@code weight_hh}
 * [H, H], {@code bias} [H], {@code output.weight} [K, H], {@code output.bias} [K]. The carry is
 * dE/dh_t arriving through step t + 1 ([H]).
 */
public final class SimpleRnn implements BpttNetwork {

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

    private final DMatrixRMaj deltaH;      // dE/dh_t                   [1, H]
    private final DMatrixRMaj deltaNet;    // δ_t = dE/d(net input)     [1, H]
    private final DMatrixRMaj deltaHPrev;  // W_hhᵀ δ_t                 [1, H]

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
        this.deltaH = new DMatrixRMaj(1, nH);
        this.deltaNet = new DMatrixRMaj(1, nH);
        this.deltaHPrev = new DMatrixRMaj(1, nH);
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
            inference = new RnnTrajectory(this, 1);
        }
        return SequenceRunner.forward(this, inference, sequence, observer);
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new RnnTrajectory(this, capacity);
    }

    @Override
    public int carrySize() {
        return nH;
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        return own(trajectory).held(t).out.at(t).data;
    }

    /** The hidden state h_t (a view; do not modify). */
    public double[] hidden(Trajectory trajectory, int t) {
        return own(trajectory).held(t).h.at(t).data;
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        RnnTrajectory tr = own(trajectory);
        if (input.length != nIn) {
            throw new IllegalArgumentException("input at step " + t + " has " + input.length
                    + " values, the network expects " + nIn);
        }
        tr.store.beginForward(t);
        DMatrixRMaj x = tr.x.at(t);
        System.arraycopy(input, 0, x.data, 0, nIn);
        DMatrixRMaj hNow = tr.h.at(t);
        CommonOps_DDRM.multTransB(x, weightIh.valueMatrix(), hNow);              // a = W_ih x_t
        CommonOps_DDRM.multAddTransB(tr.hPrev(t), weightHh.valueMatrix(), hNow); // a += W_hh h_{t-1}
        double[] hv = hNow.data;
        double[] b = bias.value();
        for (int j = 0; j < nH; j++) {
            hv[j] = Math.tanh(hv[j] + b[j]);                                      // h_t = tanh(a + b)
        }
        output.forward(hNow, tr.out.at(t));
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        RnnTrajectory tr = own(trajectory);
        if (carry.length != nH) {
            throw new IllegalArgumentException("the carry has " + carry.length + " values, this network carries " + nH);
        }
        tr.store.checkBackward(t);
        DMatrixRMaj hNow = tr.h.at(t);
        System.arraycopy(carry, 0, deltaH.data, 0, nH);                          // dE/dh_t from step t + 1
        if (outputNetDelta != null) {
            output.backward(hNow, outputNetDelta, deltaH);                       // + W_outᵀ δnet_t
        }
        double[] hv = hNow.data;
        double[] gb = bias.gradient();
        for (int j = 0; j < nH; j++) {
            deltaNet.data[j] = deltaH.data[j] * (1 - hv[j] * hv[j]);             // δ_t = dE/dh_t ⊙ tanh'
            gb[j] += deltaNet.data[j];                                           // δb += δ_t
        }
        CommonOps_DDRM.multAddTransA(deltaNet, tr.x.at(t), weightIh.gradientMatrix());  // δW_ih += δ_t x_tᵀ
        CommonOps_DDRM.multAddTransA(deltaNet, tr.hPrev(t), weightHh.gradientMatrix()); // δW_hh += δ_t h_{t-1}ᵀ
        CommonOps_DDRM.mult(deltaNet, weightHh.valueMatrix(), deltaHPrev);              // dE/dh_{t-1} = W_hhᵀ δ_t
        System.arraycopy(deltaHPrev.data, 0, carry, 0, nH);
    }

    private RnnTrajectory own(Trajectory trajectory) {
        if (trajectory instanceof RnnTrajectory tr && tr.owner == this) {
            return tr;
        }
        throw new IllegalArgumentException("the trajectory was not made by this network's newTrajectory");
    }

    /** Per-step activations of one {@link SimpleRnn}. */
    private static final class RnnTrajectory implements Trajectory {
        final SimpleRnn owner;
        final StepStore store;
        final StepSeries x;    // x_t  [I]
        final StepSeries h;    // h_t  [H]
        final StepSeries out;  // output units [K]
        final DMatrixRMaj zeroH;

        RnnTrajectory(SimpleRnn owner, int capacity) {
            this.owner = owner;
            this.store = new StepStore(capacity);
            this.x = store.series(owner.nIn);
            this.h = store.series(owner.nH);
            this.out = store.series(owner.outputSize());
            this.zeroH = new DMatrixRMaj(1, owner.nH);
        }

        /** This trajectory, after checking that step {@code t} is held. */
        RnnTrajectory held(int t) {
            store.checkHeld(t);
            return this;
        }

        DMatrixRMaj hPrev(int t) {
            return t == 0 ? zeroH : h.at(t - 1);
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
