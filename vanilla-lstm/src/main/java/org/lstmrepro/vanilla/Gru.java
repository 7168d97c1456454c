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
 * The gated recurrent unit baseline (Cho et al. 2014) exactly as PyTorch {@code nn.GRU} documents it:
 * <pre>
 * r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
 * z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
 * n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn))
 * h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}
 * </pre>
 * with h_{-1} = 0, read by a layer of output units.
 *
 * <p>Tensors (interchange.md, model id {@code gru}, gate blocks stacked r, z, n):
 * {@code weight_ih} [3H, I], {@code weight_hh} [3H, H], {@code bias_ih} [3H], {@code bias_hh} [3H],
 * {@code output.weight} [K, H], {@code output.bias} [K]. The carry is dE/dh_t arriving through step
 * t + 1 ([H]).
 */
public final class Gru implements BpttNetwork {

    public static final String MODEL_ID = "gru";
    public static final String WEIGHT_IH = "weight_ih";
    public static final String WEIGHT_HH = "weight_hh";
    public static final String BIAS_IH = "bias_ih";
    public static final String BIAS_HH = "bias_hh";

    private final BaselineConfig config;
    private final int nIn;
    private final int nH;
    private final ParameterSet parameters = new ParameterSet();
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;
    private final OutputLayer output;

    private final DMatrixRMaj netH;        // W_hh h_{t-1} + b_hh       [1, 3H], forward scratch
    private final DMatrixRMaj deltaH;      // dE/dh_t                   [1, H]
    private final DMatrixRMaj deltaIh;     // δ of W_ih x + b_ih        [1, 3H]
    private final DMatrixRMaj deltaHh;     // δ of W_hh h + b_hh        [1, 3H]
    private final DMatrixRMaj deltaHPrev;  // W_hhᵀ δ_hh                [1, H]

    private GruTrajectory inference;

    /** A network with the configured sizes, its weights drawn from {@code random}, biases 0. */
    public Gru(BaselineConfig config, RandomStream random) {
        if (config == null) {
            throw new IllegalArgumentException("a GRU needs a configuration");
        }
        this.config = config;
        this.nIn = config.inputSize();
        this.nH = config.hiddenSize();
        this.weightIh = parameters.add(Parameter.matrix(WEIGHT_IH, 3 * nH, nIn));
        this.weightHh = parameters.add(Parameter.matrix(WEIGHT_HH, 3 * nH, nH));
        this.biasIh = parameters.add(Parameter.vector(BIAS_IH, 3 * nH));
        this.biasHh = parameters.add(Parameter.vector(BIAS_HH, 3 * nH));
        this.output = new OutputLayer(parameters, nH, config.outputSize(), config.outputUnits());
        this.netH = new DMatrixRMaj(1, 3 * nH);
        this.deltaH = new DMatrixRMaj(1, nH);
        this.deltaIh = new DMatrixRMaj(1, 3 * nH);
        this.deltaHh = new DMatrixRMaj(1, 3 * nH);
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
            inference = new GruTrajectory(this, 1);
        }
        return SequenceRunner.forward(this, inference, sequence, observer);
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new GruTrajectory(this, capacity);
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
        GruTrajectory tr = own(trajectory);
        if (input.length != nIn) {
            throw new IllegalArgumentException("input at step " + t + " has " + input.length
                    + " values, the network expects " + nIn);
        }
        tr.store.beginForward(t);
        DMatrixRMaj x = tr.x.at(t);
        System.arraycopy(input, 0, x.data, 0, nIn);
        DMatrixRMaj gates = tr.gates.at(t);      // first W_ih x + b_ih, then (in place) r, z, n
        CommonOps_DDRM.multTransB(x, weightIh.valueMatrix(), gates);            // W_i* x_t
        CommonOps_DDRM.multTransB(tr.hPrev(t), weightHh.valueMatrix(), netH);   // W_h* h_{t-1}
        double[] gi = gates.data;
        double[] gh = netH.data;
        double[] bi = biasIh.value();
        double[] bh = biasHh.value();
        double[] hPrev = tr.hPrev(t).data;
        double[] hnStore = tr.hn.at(t).data;
        double[] hv = tr.h.at(t).data;
        int offR = 0;
        int offZ = nH;
        int offN = 2 * nH;
        for (int j = 0; j < nH; j++) {
            double r = sigma(gi[offR + j] + bi[offR + j] + gh[offR + j] + bh[offR + j]); // r_t = σ(W_ir x + b_ir + W_hr h + b_hr)
            double z = sigma(gi[offZ + j] + bi[offZ + j] + gh[offZ + j] + bh[offZ + j]); // z_t = σ(W_iz x + b_iz + W_hz h + b_hz)
            double hn = gh[offN + j] + bh[offN + j];                                     // W_hn h_{t-1} + b_hn
            double n = Math.tanh(gi[offN + j] + bi[offN + j] + r * hn);                  // n_t = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
            gi[offR + j] = r;
            gi[offZ + j] = z;
            gi[offN + j] = n;
            hnStore[j] = hn;
            hv[j] = (1 - z) * n + z * hPrev[j];                                          // h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
        }
        output.forward(tr.h.at(t), tr.out.at(t));
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        GruTrajectory tr = own(trajectory);
        if (carry.length != nH) {
            throw new IllegalArgumentException("the carry has " + carry.length + " values, this network carries " + nH);
        }
        tr.store.checkBackward(t);
        System.arraycopy(carry, 0, deltaH.data, 0, nH);                          // dE/dh_t from step t + 1
        if (outputNetDelta != null) {
            output.backward(tr.h.at(t), outputNetDelta, deltaH);                 // + W_outᵀ δnet_t
        }
        double[] gates = tr.gates.at(t).data;
        double[] hn = tr.hn.at(t).data;
        double[] hPrev = tr.hPrev(t).data;
        double[] dh = deltaH.data;
        double[] di = deltaIh.data;
        double[] dhh = deltaHh.data;
        int offR = 0;
        int offZ = nH;
        int offN = 2 * nH;
        for (int j = 0; j < nH; j++) {
            double r = gates[offR + j];
            double z = gates[offZ + j];
            double n = gates[offN + j];
            double dn = dh[j] * (1 - z);                         // dE/dn_t = dE/dh_t ⊙ (1 - z_t)
            double dz = dh[j] * (hPrev[j] - n);                  // dE/dz_t = dE/dh_t ⊙ (h_{t-1} - n_t)
            double dnBar = dn * (1 - n * n);                     // δ of n's net input (tanh')
            double dr = dnBar * hn[j];                           // dE/dr_t = δn̄ ⊙ (W_hn h + b_hn)
            double drBar = dr * r * (1 - r);                     // δr̄_t (σ')
            double dzBar = dz * z * (1 - z);                     // δz̄_t (σ')
            di[offR + j] = drBar;
            di[offZ + j] = dzBar;
            di[offN + j] = dnBar;                                // W_in x + b_in enters n̄ directly
            dhh[offR + j] = drBar;
            dhh[offZ + j] = dzBar;
            dhh[offN + j] = dnBar * r;                           // W_hn h + b_hn enters n̄ through r ⊙
        }
        double[] gbi = biasIh.gradient();
        double[] gbh = biasHh.gradient();
        for (int k = 0; k < 3 * nH; k++) {
            gbi[k] += di[k];                                                            // δb_ih
            gbh[k] += dhh[k];                                                           // δb_hh
        }
        CommonOps_DDRM.multAddTransA(deltaIh, tr.x.at(t), weightIh.gradientMatrix());   // δW_ih += δ_ih x_tᵀ
        CommonOps_DDRM.multAddTransA(deltaHh, tr.hPrev(t), weightHh.gradientMatrix());  // δW_hh += δ_hh h_{t-1}ᵀ
        CommonOps_DDRM.mult(deltaHh, weightHh.valueMatrix(), deltaHPrev);               // W_hhᵀ δ_hh
        for (int j = 0; j < nH; j++) {
            carry[j] = deltaHPrev.data[j] + dh[j] * gates[offZ + j];                     // dE/dh_{t-1} = W_hhᵀ δ_hh + dE/dh_t ⊙ z_t
        }
    }

    private static double sigma(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private GruTrajectory own(Trajectory trajectory) {
        if (trajectory instanceof GruTrajectory tr && tr.owner == this) {
            return tr;
        }
        throw new IllegalArgumentException("the trajectory was not made by this network's newTrajectory");
    }

    /** Per-step activations of one {@link Gru}. */
    private static final class GruTrajectory implements Trajectory {
        final Gru owner;
        final StepStore store;
        final StepSeries x;      // x_t                    [I]
        final StepSeries gates;  // r_t, z_t, n_t          [3H]
        final StepSeries hn;     // W_hn h_{t-1} + b_hn    [H]
        final StepSeries h;      // h_t                    [H]
        final StepSeries out;    // output units           [K]
        final DMatrixRMaj zeroH;

        GruTrajectory(Gru owner, int capacity) {
            this.owner = owner;
            this.store = new StepStore(capacity);
            this.x = store.series(owner.nIn);
            this.gates = store.series(3 * owner.nH);
            this.hn = store.series(owner.nH);
            this.h = store.series(owner.nH);
            this.out = store.series(owner.outputSize());
            this.zeroH = new DMatrixRMaj(1, owner.nH);
        }

        /** This trajectory, after checking that step {@code t} is held. */
        GruTrajectory held(int t) {
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
