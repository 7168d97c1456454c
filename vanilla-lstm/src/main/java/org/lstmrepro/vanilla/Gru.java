package org.lstmrepro.vanilla;

import org.lstmrepro.core.model.RecurrentBlock;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.math.Exponential;
import org.lstmrepro.core.model.BatchBpttNetwork;
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
 * <p>Tensors (docs/formats.md, model id {@code gru}, gate blocks stacked r, z, n):
 * {@code weight_ih} [3H, I], {@code weight_hh} [3H, H], {@code bias_ih} [3H], {@code bias_hh} [3H],
 * {@code output.weight} [K, H], {@code output.bias} [K]. The carry is dE/dh_t arriving through step
 * t + 1 ([H]). One sequence or a masked minibatch ({@link BatchBpttNetwork}; the single-sequence
 * methods are the batch of one).
 */
public final class Gru implements BatchBpttNetwork {

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
            inference = new GruTrajectory(this, 1, 1);
        }
        return SequenceRunner.forward(this, inference, sequence, observer);
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new GruTrajectory(this, 1, capacity);
    }

    @Override
    public Trajectory newBatchTrajectory(int batchSize, int capacity) {
        return new GruTrajectory(this, batchSize, capacity);
    }

    @Override
    public int carrySize() {
        return nH;
    }

    /** W_hr, W_hz, W_hn: the blocks of {@code weight_hh}, stacked r, z, n (PyTorch nn.GRU names). */
    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        return List.of(new RecurrentBlock("W_hr", weightHh, 0, 0, nH), new RecurrentBlock("W_hz", weightHh, nH, 0, nH),
                new RecurrentBlock("W_hn", weightHh, 2 * nH, 0, nH));
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
        GruTrajectory tr = own(trajectory);
        RowOps.checkBatchInputs(inputs, active, nIn, t);
        tr.store.beginForward(t, active);
        DMatrixRMaj x = tr.x.at(t);
        System.arraycopy(inputs, 0, x.data, 0, active * nIn);
        DMatrixRMaj gates = tr.gates.at(t);      // first W_ih x + b_ih, then (in place) r, z, n
        DMatrixRMaj netH = RowOps.rows(tr.netH, active);
        BatchProducts.multTransB(x, weightIh.valueMatrix(), gates);            // W_i* x_t
        BatchProducts.multTransB(tr.hPrev(t), weightHh.valueMatrix(), netH);   // W_h* h_{t-1}
        double[] bi = biasIh.value();
        double[] bh = biasHh.value();
        double[] hPrev = tr.hPrev(t).data;
        double[] hnStore = tr.hn.at(t).data;
        double[] hv = tr.h.at(t).data;
        for (int row = 0; row < active; row++) {
            int r3 = 3 * nH * row;
            int rh = nH * row;
            double[] gi = gates.data;
            double[] gh = netH.data;
            for (int j = 0; j < nH; j++) {
                int offR = r3 + j;
                int offZ = r3 + nH + j;
                int offN = r3 + 2 * nH + j;
                double r = sigma(gi[offR] + bi[j] + gh[offR] + bh[j]);                      // r_t = σ(W_ir x + b_ir + W_hr h + b_hr)
                double z = sigma(gi[offZ] + bi[nH + j] + gh[offZ] + bh[nH + j]);            // z_t = σ(W_iz x + b_iz + W_hz h + b_hz)
                double hn = gh[offN] + bh[2 * nH + j];                                      // W_hn h_{t-1} + b_hn
                double n = StrictMath.tanh(gi[offN] + bi[2 * nH + j] + r * hn);                   // n_t = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
                gi[offR] = r;
                gi[offZ] = z;
                gi[offN] = n;
                hnStore[rh + j] = hn;
                hv[rh + j] = (1 - z) * n + z * hPrev[rh + j];                               // h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
            }
        }
        output.forward(tr.h.at(t), tr.out.at(t));
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        RowOps.checkSingle(outputNetDelta, outputSize(), carry, nH);
        backwardBatchStep(trajectory, t, outputNetDelta, carry);
    }

    @Override
    public void backwardBatchStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        GruTrajectory tr = own(trajectory);
        RowOps.checkCarry(carry, tr.store.rows(), nH);
        tr.store.checkBackward(t);
        int rows = tr.store.active(t);
        DMatrixRMaj deltaH = RowOps.rows(tr.deltaH, rows);
        RowOps.fromCarry(carry, nH, 0, deltaH);                                  // dE/dh_t from step t + 1
        if (outputNetDelta != null) {
            output.loadDelta(outputNetDelta, rows, tr.outputDelta);
            output.backward(tr.h.at(t), tr.outputDelta, deltaH);                 // + W_outᵀ δnet_t
        }
        DMatrixRMaj deltaIh = RowOps.rows(tr.deltaIh, rows);
        DMatrixRMaj deltaHh = RowOps.rows(tr.deltaHh, rows);
        double[] gates = tr.gates.at(t).data;
        double[] hn = tr.hn.at(t).data;
        double[] hPrev = tr.hPrev(t).data;
        double[] dh = deltaH.data;
        double[] di = deltaIh.data;
        double[] dhh = deltaHh.data;
        for (int row = 0; row < rows; row++) {
            int r3 = 3 * nH * row;
            int rh = nH * row;
            for (int j = 0; j < nH; j++) {
                int offR = r3 + j;
                int offZ = r3 + nH + j;
                int offN = r3 + 2 * nH + j;
                double r = gates[offR];
                double z = gates[offZ];
                double n = gates[offN];
                double dn = dh[rh + j] * (1 - z);                    // dE/dn_t = dE/dh_t ⊙ (1 - z_t)
                double dz = dh[rh + j] * (hPrev[rh + j] - n);        // dE/dz_t = dE/dh_t ⊙ (h_{t-1} - n_t)
                double dnBar = dn * (1 - n * n);                     // δ of n's net input (tanh')
                double dr = dnBar * hn[rh + j];                      // dE/dr_t = δn̄ ⊙ (W_hn h + b_hn)
                double drBar = dr * r * (1 - r);                     // δr̄_t (σ')
                double dzBar = dz * z * (1 - z);                     // δz̄_t (σ')
                di[offR] = drBar;
                di[offZ] = dzBar;
                di[offN] = dnBar;                                    // W_in x + b_in enters n̄ directly
                dhh[offR] = drBar;
                dhh[offZ] = dzBar;
                dhh[offN] = dnBar * r;                               // W_hn h + b_hn enters n̄ through r ⊙
            }
        }
        RowOps.addRowSum(deltaIh, biasIh.gradient());                                   // δb_ih
        RowOps.addRowSum(deltaHh, biasHh.gradient());                                   // δb_hh
        BatchProducts.multAddTransA(deltaIh, tr.x.at(t), weightIh.gradientMatrix());   // δW_ih += δ_ihᵀ x_t
        BatchProducts.multAddTransA(deltaHh, tr.hPrev(t), weightHh.gradientMatrix());  // δW_hh += δ_hhᵀ h_{t-1}
        DMatrixRMaj deltaHPrev = RowOps.rows(tr.deltaHPrev, rows);
        BatchProducts.mult(deltaHh, weightHh.valueMatrix(), deltaHPrev);               // W_hhᵀ δ_hh
        for (int row = 0; row < rows; row++) {
            int rh = nH * row;
            int zAt = 3 * nH * row + nH;
            for (int j = 0; j < nH; j++) {
                carry[rh + j] = deltaHPrev.data[rh + j] + dh[rh + j] * gates[zAt + j];   // dE/dh_{t-1} = W_hhᵀ δ_hh + dE/dh_t ⊙ z_t
            }
        }
    }

    private static double sigma(double x) {
        return 1.0 / (1.0 + Exponential.exp(-x));
    }

    private GruTrajectory own(Trajectory trajectory) {
        if (trajectory instanceof GruTrajectory tr && tr.owner == this) {
            return tr;
        }
        throw new IllegalArgumentException("the trajectory was not made by this network's newTrajectory");
    }

    /** Per-step activations of one {@link Gru} for up to B sequences, and the step kernels' scratch. */
    private static final class GruTrajectory implements Trajectory {
        final Gru owner;
        final StepStore store;
        final StepSeries x;      // x_t                    [I]
        final StepSeries gates;  // r_t, z_t, n_t          [3H]
        final StepSeries hn;     // W_hn h_{t-1} + b_hn    [H]
        final StepSeries h;      // h_t                    [H]
        final StepSeries out;    // output units           [K]
        final DMatrixRMaj zeroH;        // h_{-1} = 0
        final DMatrixRMaj netH;         // W_hh h_{t-1}              [B, 3H], forward scratch
        final DMatrixRMaj deltaH;       // dE/dh_t                   [B, H]
        final DMatrixRMaj deltaIh;      // δ of W_ih x + b_ih        [B, 3H]
        final DMatrixRMaj deltaHh;      // δ of W_hh h + b_hh        [B, 3H]
        final DMatrixRMaj deltaHPrev;   // δ_hh W_hh                 [B, H]
        final DMatrixRMaj outputDelta;  // dE/dnet of the outputs    [B, K]

        GruTrajectory(Gru owner, int rows, int capacity) {
            this.owner = owner;
            this.store = new StepStore(capacity, rows);
            int nH = owner.nH;
            this.x = store.series(owner.nIn);
            this.gates = store.series(3 * nH);
            this.hn = store.series(nH);
            this.h = store.series(nH);
            this.out = store.series(owner.outputSize());
            this.zeroH = new DMatrixRMaj(rows, nH);
            this.netH = new DMatrixRMaj(rows, 3 * nH);
            this.deltaH = new DMatrixRMaj(rows, nH);
            this.deltaIh = new DMatrixRMaj(rows, 3 * nH);
            this.deltaHh = new DMatrixRMaj(rows, 3 * nH);
            this.deltaHPrev = new DMatrixRMaj(rows, nH);
            this.outputDelta = new DMatrixRMaj(rows, owner.outputSize());
        }

        /** This trajectory, after checking that step {@code t} is held. */
        GruTrajectory held(int t) {
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
