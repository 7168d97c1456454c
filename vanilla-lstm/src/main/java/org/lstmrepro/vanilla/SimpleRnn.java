package org.lstmrepro.vanilla;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.RecurrentBlock;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;

/**
 * The simple (Elman) tanh RNN baseline, as PyTorch {@code nn.RNN}: h_t = tanh(W_ih x_t + W_hh h_{t-1} + b),
 * h_{-1} = 0, read by a layer of output units.
 *
 * <p>Tensors (docs/formats.md, model id {@code rnn}): {@code weight_ih} [H, I], {@code weight_hh}
 * [H, H], {@code bias} [H], {@code output.weight} [K, H], {@code output.bias} [K]. The carry is
 * dE/dh_t arriving through step t + 1 ([H]). One sequence or a masked minibatch
 * ({@link BatchBpttNetwork}; the single-sequence methods are the batch of one), step by step or a whole
 * sequence at once ({@link LayerNetwork}).
 */
public final class SimpleRnn extends LayerNetwork<SimpleRnn.RnnTrajectory> {

    public static final String MODEL_ID = "rnn";
    public static final String WEIGHT_IH = LayerNetwork.WEIGHT_IH;
    public static final String WEIGHT_HH = LayerNetwork.WEIGHT_HH;
    public static final String BIAS = "bias";

    private final BaselineConfig config;
    private final Parameter bias;

    /** A network with the configured sizes, its weights drawn from {@code random}, biases 0. */
    public SimpleRnn(BaselineConfig config, RandomStream random) {
        super(required(config, "a simple RNN").inputSize(), config.hiddenSize(), 1);
        this.config = config;
        this.bias = parameters.add(Parameter.vector(BIAS, nH));
        addOutputLayerAndDraw(config, random);
    }

    public BaselineConfig config() {
        return config;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        return List.of(new RecurrentBlock("W_hh", weightHh, 0, 0, nH));
    }

    /** The hidden state h_t (a view; do not modify). */
    public double[] hidden(org.lstmrepro.core.model.Trajectory trajectory, int t) {
        RnnTrajectory tr = own(trajectory);
        tr.store.checkHeld(t);
        return tr.h.at(t).data;
    }

    @Override
    RnnTrajectory trajectory(int rows, int capacity) {
        return new RnnTrajectory(this, rows, capacity);
    }

    @Override
    Class<RnnTrajectory> trajectoryType() {
        return RnnTrajectory.class;
    }

    /** The net input is computed in place of h_t. */
    @Override
    DMatrixRMaj netInput(RnnTrajectory tr, int t) {
        return tr.h.at(t);
    }

    @Override
    void recurrentStep(RnnTrajectory tr, int t) {
        int active = tr.store.active(t);
        DMatrixRMaj hNow = tr.h.at(t);                                           // a = W_ih x_t
        tr.sequence.recurrent(tr.hPrev(t), weightHh.valueMatrix(), hNow, true); // a += W_hh h_{t-1}
        RowOps.addToEveryRow(bias.value(), hNow);                                // a += b
        double[] hv = hNow.data;
        for (int k = 0; k < active * nH; k++) {
            hv[k] = StrictMath.tanh(hv[k]);                                      // h_t = tanh(a)
        }
        output.forward(hNow, tr.out.at(t));
    }

    @Override
    void backwardKernel(RnnTrajectory tr, int t, double[] outputNetDelta, double[] carry) {
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
        DMatrixRMaj hPrev = tr.hPrev(t);
        tr.sequence.record(deltaNet, null, tr.x.at(t), hPrev);                   // δW_ih += δ_tᵀ x_t, δW_hh += δ_tᵀ h_{t-1}
        DMatrixRMaj deltaHPrev = RowOps.rows(tr.deltaHPrev, rows);
        BatchProducts.mult(deltaNet, weightHh.valueMatrix(), deltaHPrev);        // dE/dh_{t-1} = W_hhᵀ δ_t
        RowOps.toCarry(deltaHPrev, carry, nH, 0);
    }

    /** Per-step activations of one {@link SimpleRnn} for up to B sequences, and the backward scratch. */
    static final class RnnTrajectory extends LayerTrajectory {
        final DMatrixRMaj deltaH;       // dE/dh_t                   [B, H]
        final DMatrixRMaj deltaNet;     // δ_t = dE/d(net input)     [B, H]
        final DMatrixRMaj deltaHPrev;   // δ_t W_hh                  [B, H]

        RnnTrajectory(SimpleRnn owner, int rows, int capacity) {
            super(owner, rows, capacity, owner.nH);
            this.deltaH = new DMatrixRMaj(rows, owner.nH);
            this.deltaNet = new DMatrixRMaj(rows, owner.nH);
            this.deltaHPrev = new DMatrixRMaj(rows, owner.nH);
        }
    }
}
