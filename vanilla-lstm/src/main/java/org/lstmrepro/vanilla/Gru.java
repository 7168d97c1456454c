package org.lstmrepro.vanilla;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.math.Exponential;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.RecurrentBlock;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
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
 * methods are the batch of one), step by step or a whole sequence at once ({@link LayerNetwork}).
 */
public final class Gru extends LayerNetwork<Gru.GruTrajectory> {

    public static final String MODEL_ID = "gru";
    public static final String WEIGHT_IH = LayerNetwork.WEIGHT_IH;
    public static final String WEIGHT_HH = LayerNetwork.WEIGHT_HH;
    public static final String BIAS_IH = "bias_ih";
    public static final String BIAS_HH = "bias_hh";

    private final BaselineConfig config;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /** A network with the configured sizes, its weights drawn from {@code random}, biases 0. */
    public Gru(BaselineConfig config, RandomStream random) {
        super(required(config, "a GRU").inputSize(), config.hiddenSize(), 3);
        this.config = config;
        this.biasIh = parameters.add(Parameter.vector(BIAS_IH, 3 * nH));
        this.biasHh = parameters.add(Parameter.vector(BIAS_HH, 3 * nH));
        addOutputLayerAndDraw(config, random);
    }

    public BaselineConfig config() {
        return config;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /** W_hr, W_hz, W_hn: the blocks of {@code weight_hh}, stacked r, z, n (PyTorch nn.GRU names). */
    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        return List.of(new RecurrentBlock("W_hr", weightHh, 0, 0, nH), new RecurrentBlock("W_hz", weightHh, nH, 0, nH),
                new RecurrentBlock("W_hn", weightHh, 2 * nH, 0, nH));
    }

    /** The hidden state h_t (a view; do not modify). */
    public double[] hidden(Trajectory trajectory, int t) {
        GruTrajectory tr = own(trajectory);
        tr.store.checkHeld(t);
        return tr.h.at(t).data;
    }

    @Override
    GruTrajectory trajectory(int rows, int capacity) {
        return new GruTrajectory(this, rows, capacity);
    }

    @Override
    Class<GruTrajectory> trajectoryType() {
        return GruTrajectory.class;
    }

    /** W_ih x_t goes where r_t, z_t, n_t will be. */
    @Override
    DMatrixRMaj netInput(GruTrajectory tr, int t) {
        return tr.gates.at(t);
    }

    /** W_hh enters n̄ through r ⊙, so its errors differ from those of W_ih. */
    @Override
    boolean separateRecurrentErrors() {
        return true;
    }

    @Override
    void recurrentStep(GruTrajectory tr, int t) {
        int active = tr.store.active(t);
        DMatrixRMaj gates = tr.gates.at(t);      // first W_ih x, then (in place) r, z, n
        DMatrixRMaj netH = RowOps.rows(tr.netH, active);
        tr.sequence.recurrent(tr.hPrev(t), weightHh.valueMatrix(), netH, false);   // W_h* h_{t-1}
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
    void backwardKernel(GruTrajectory tr, int t, double[] outputNetDelta, double[] carry) {
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
        tr.sequence.record(deltaIh, deltaHh, tr.x.at(t), tr.hPrev(t));                 // δW_ih += δ_ihᵀ x_t, δW_hh += δ_hhᵀ h_{t-1}
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

    /** Per-step activations of one {@link Gru} for up to B sequences, and the step kernels' scratch. */
    static final class GruTrajectory extends LayerTrajectory {
        final StepSeries gates;  // r_t, z_t, n_t          [3H]
        final StepSeries hn;     // W_hn h_{t-1} + b_hn    [H]
        final DMatrixRMaj netH;         // W_hh h_{t-1}              [B, 3H], forward scratch
        final DMatrixRMaj deltaH;       // dE/dh_t                   [B, H]
        final DMatrixRMaj deltaIh;      // δ of W_ih x + b_ih        [B, 3H]
        final DMatrixRMaj deltaHh;      // δ of W_hh h + b_hh        [B, 3H]
        final DMatrixRMaj deltaHPrev;   // δ_hh W_hh                 [B, H]

        GruTrajectory(Gru owner, int rows, int capacity) {
            super(owner, rows, capacity, 3 * owner.nH);
            int nH = owner.nH;
            this.gates = store.series(3 * nH);
            this.hn = store.series(nH);
            this.netH = new DMatrixRMaj(rows, 3 * nH);
            this.deltaH = new DMatrixRMaj(rows, nH);
            this.deltaIh = new DMatrixRMaj(rows, 3 * nH);
            this.deltaHh = new DMatrixRMaj(rows, 3 * nH);
            this.deltaHPrev = new DMatrixRMaj(rows, nH);
        }
    }
}
