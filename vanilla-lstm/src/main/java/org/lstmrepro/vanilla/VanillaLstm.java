package org.lstmrepro.vanilla;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.math.Activation;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

/**
 * The vanilla LSTM of Greff et al. (2015) and its eight variants: one layer of H blocks with one
 * cell each, fully recurrent through the block outputs, read by a layer of output units; trained
 * by full BPTT (or truncated BPTT) over the {@link BpttNetwork} contract.
 *
 * <p>Forward pass (greff2015.md; Greff et al. 2015, section 2):
 * <pre>
 * z_t = g(W_z x_t + R_z y_{t-1} + b_z)
 * i_t = σ(W_i x_t + R_i y_{t-1} + p_i ⊙ c_{t-1} + b_i)
 * f_t = σ(W_f x_t + R_f y_{t-1} + p_f ⊙ c_{t-1} + b_f)
 * c_t = z_t ⊙ i_t + c_{t-1} ⊙ f_t
 * o_t = σ(W_o x_t + R_o y_{t-1} + p_o ⊙ c_t + b_o)
 * y_t = h(c_t) ⊙ o_t
 * </pre>
 * with y_{-1} = c_{-1} = 0. The variant's {@link CellStructure} switches parts off: an absent gate is
 * the constant 1, CIFG sets f_t = 1 - i_t, NIAF/NOAF make g/h the identity, NP drops the peepholes,
 * and FGR adds {@code G [i_{t-1}; f_{t-1}; o_{t-1}]} to the gates' net inputs (with the gate
 * activations before step 0 taken as 0, like y and c).
 *
 * <p>Tensors (interchange.md, PyTorch {@code nn.LSTM} layout, gate blocks stacked i, f, g(=z), o):
 * {@code weight_ih} [4H, I], {@code weight_hh} [4H, H], {@code bias} [4H], {@code peephole_i},
 * {@code peephole_f}, {@code peephole_o} [H] (not in NP), {@code weight_gate_recurrent} [3H, 3H]
 * (FGR only; row and column blocks i, f, o), {@code output.weight} [K, H], {@code output.bias} [K].
 * Rows a variant does not use stay in the tensors, are ignored and get zero gradient.
 *
 * <p>Carry between backward steps ({@link #carrySize()} = 2H, or 5H for FGR):
 * {@code [dE/dy_t | dE/dc_t | dE/d(i_t, f_t, o_t)]}, each the part arriving through step t + 1.
 */
public final class VanillaLstm implements BpttNetwork {

    /** The model id of the interchange spec. */
    public static final String MODEL_ID = "vanilla";
    public static final String WEIGHT_IH = "weight_ih";
    public static final String WEIGHT_HH = "weight_hh";
    public static final String BIAS = "bias";
    public static final String PEEPHOLE_I = "peephole_i";
    public static final String PEEPHOLE_F = "peephole_f";
    public static final String PEEPHOLE_O = "peephole_o";
    public static final String WEIGHT_GATE_RECURRENT = "weight_gate_recurrent";
    public static final String OUTPUT_WEIGHT = OutputLayer.WEIGHT;
    public static final String OUTPUT_BIAS = OutputLayer.BIAS;

    /** Positions of the gate blocks in the stacked [4H] vectors, in units of H (PyTorch order). */
    static final int BLOCK_I = 0;
    static final int BLOCK_F = 1;
    static final int BLOCK_Z = 2;
    static final int BLOCK_O = 3;
    /** The stacked blocks of the gates that FGR connects, in the order of weight_gate_recurrent. */
    private static final int[] FGR_BLOCKS = {BLOCK_I, BLOCK_F, BLOCK_O};

    private final VanillaConfig config;
    private final CellStructure cell;
    private final Activation g;
    private final Activation h;
    private final int nIn;
    private final int nH;

    private final ParameterSet parameters = new ParameterSet();
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter bias;
    private final Parameter peepholeI;
    private final Parameter peepholeF;
    private final Parameter peepholeO;
    private final Parameter weightGateRecurrent;
    private final OutputLayer output;

    /** Peephole weights as read by the cell: the tensors' values, or zeros in NP. */
    private final double[] pI;
    private final double[] pF;
    private final double[] pO;

    // Scratch for one step (a batch would make each [B, ...]). Allocated once.
    private final DMatrixRMaj deltaY;         // δy_t                          [1, H]
    private final DMatrixRMaj deltaNet;       // δ of the stacked net inputs    [1, 4H]
    private final DMatrixRMaj deltaYPrev;     // R^T δ_t, error to y_{t-1}      [1, H]
    private final DMatrixRMaj gatesPrev;      // (i, f, o)_{t-1}                [1, 3H]  (FGR)
    private final DMatrixRMaj gateNet;        // G (i, f, o)_{t-1}              [1, 3H]  (FGR)
    private final DMatrixRMaj deltaGates;     // (δī, δf̄, δō)_t                [1, 3H]  (FGR)
    private final DMatrixRMaj deltaGatesPrev; // G^T (δī, δf̄, δō)_t            [1, 3H]  (FGR)

    private LstmTrajectory inference;

    /** A network with the configured structure, its weights drawn from {@code random}. */
    public VanillaLstm(VanillaConfig config, RandomStream random) {
        if (config == null) {
            throw new IllegalArgumentException("a vanilla LSTM needs a configuration");
        }
        this.config = config;
        this.cell = config.variant().structure();
        this.g = cell.inputActivation();
        this.h = cell.outputActivation();
        this.nIn = config.inputSize();
        this.nH = config.hiddenSize();
        this.weightIh = parameters.add(Parameter.matrix(WEIGHT_IH, 4 * nH, nIn));
        this.weightHh = parameters.add(Parameter.matrix(WEIGHT_HH, 4 * nH, nH));
        this.bias = parameters.add(Parameter.vector(BIAS, 4 * nH));
        if (cell.peepholes()) {
            this.peepholeI = parameters.add(Parameter.vector(PEEPHOLE_I, nH));
            this.peepholeF = parameters.add(Parameter.vector(PEEPHOLE_F, nH));
            this.peepholeO = parameters.add(Parameter.vector(PEEPHOLE_O, nH));
            this.pI = peepholeI.value();
            this.pF = peepholeF.value();
            this.pO = peepholeO.value();
        } else {
            this.peepholeI = null;
            this.peepholeF = null;
            this.peepholeO = null;
            this.pI = new double[nH];
            this.pF = pI;
            this.pO = pI;
        }
        this.weightGateRecurrent = cell.fullGateRecurrence()
                ? parameters.add(Parameter.matrix(WEIGHT_GATE_RECURRENT, 3 * nH, 3 * nH))
                : null;
        this.output = new OutputLayer(parameters, nH, config.outputSize(), config.outputUnits());

        this.deltaY = new DMatrixRMaj(1, nH);
        this.deltaNet = new DMatrixRMaj(1, 4 * nH);
        this.deltaYPrev = new DMatrixRMaj(1, nH);
        this.gatesPrev = new DMatrixRMaj(1, 3 * nH);
        this.gateNet = new DMatrixRMaj(1, 3 * nH);
        this.deltaGates = new DMatrixRMaj(1, 3 * nH);
        this.deltaGatesPrev = new DMatrixRMaj(1, 3 * nH);

        initialise(new Initialiser(config.initialisation(), random));
    }

    private void initialise(Initialiser init) {
        init.draw(weightIh);
        init.drawRecurrent(weightHh);
        double[] b = bias.value();
        Arrays.fill(b, blockStart(BLOCK_I), blockStart(BLOCK_I) + nH, config.inputGateBias());
        Arrays.fill(b, blockStart(BLOCK_F), blockStart(BLOCK_F) + nH, config.forgetGateBias());
        Arrays.fill(b, blockStart(BLOCK_O), blockStart(BLOCK_O) + nH, config.outputGateBias());
        if (cell.peepholes()) {
            init.draw(peepholeI);
            init.draw(peepholeF);
            init.draw(peepholeO);
        }
        if (weightGateRecurrent != null) {
            init.draw(weightGateRecurrent);
        }
        output.initialise(init);
    }

    public VanillaConfig config() {
        return config;
    }

    public Variant variant() {
        return config.variant();
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
            inference = new LstmTrajectory(this, 1);
        }
        return SequenceRunner.forward(this, inference, sequence, observer);
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return new LstmTrajectory(this, capacity);
    }

    @Override
    public int carrySize() {
        return cell.fullGateRecurrence() ? 5 * nH : 2 * nH;
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        return own(trajectory).held(t).out.at(t).data;
    }

    /** The cell states c_t at step {@code t} (a view; do not modify). */
    public double[] cellState(Trajectory trajectory, int t) {
        return own(trajectory).held(t).c.at(t).data;
    }

    /** The block outputs y_t at step {@code t} (a view; do not modify). */
    public double[] blockOutput(Trajectory trajectory, int t) {
        return own(trajectory).held(t).y.at(t).data;
    }

    /**
     * The activations at step {@code t} stacked i, f, z, o ([4H], a view; do not modify), with the
     * variant's constants in place of absent gates (1, or 1 - i for CIFG's forget gate).
     */
    public double[] gateActivations(Trajectory trajectory, int t) {
        return own(trajectory).held(t).act.at(t).data;
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        LstmTrajectory tr = own(trajectory);
        if (input.length != nIn) {
            throw new IllegalArgumentException("input at step " + t + " has " + input.length
                    + " values, the network expects " + nIn);
        }
        tr.store.beginForward(t);
        DMatrixRMaj x = tr.x.at(t);
        System.arraycopy(input, 0, x.data, 0, nIn);
        DMatrixRMaj a = tr.act.at(t);           // first the net inputs, then (in place) the activations
        CommonOps_DDRM.multTransB(x, weightIh.valueMatrix(), a);          // a = W x_t
        CommonOps_DDRM.multAddTransB(tr.yPrev(t), weightHh.valueMatrix(), a); // a += R y_{t-1}
        double[] av = a.data;
        double[] b = bias.value();
        for (int k = 0; k < av.length; k++) {
            av[k] += b[k];                                                // a += b
        }
        if (cell.fullGateRecurrence()) {
            gatherGates(tr.actPrev(t).data, gatesPrev.data);
            CommonOps_DDRM.multTransB(gatesPrev, weightGateRecurrent.valueMatrix(), gateNet);
            scatterAddGates(gateNet.data, av);                           // ī, f̄, ō += G (i, f, o)_{t-1}
        }
        double[] cPrev = tr.cPrev(t).data;
        double[] c = tr.c.at(t).data;
        double[] hc = tr.hc.at(t).data;
        double[] y = tr.y.at(t).data;
        int offI = blockStart(BLOCK_I);
        int offF = blockStart(BLOCK_F);
        int offZ = blockStart(BLOCK_Z);
        int offO = blockStart(BLOCK_O);
        for (int j = 0; j < nH; j++) {
            double zt = g.apply(av[offZ + j]);                            // z_t = g(z̄_t)
            double it = cell.inputGate()
                    ? sigma(av[offI + j] + pI[j] * cPrev[j])              // i_t = σ(ī_t), ī_t incl. p_i ⊙ c_{t-1}
                    : 1.0;                                                // NIG: i_t = 1
            double ft;
            if (cell.coupledInputForget()) {
                ft = 1.0 - it;                                            // CIFG: f_t = 1 - i_t
            } else if (cell.forgetGate()) {
                ft = sigma(av[offF + j] + pF[j] * cPrev[j]);              // f_t = σ(f̄_t), f̄_t incl. p_f ⊙ c_{t-1}
            } else {
                ft = 1.0;                                                 // NFG: f_t = 1
            }
            double ct = zt * it + cPrev[j] * ft;                          // c_t = z_t ⊙ i_t + c_{t-1} ⊙ f_t
            double ot = cell.outputGate()
                    ? sigma(av[offO + j] + pO[j] * ct)                    // o_t = σ(ō_t), ō_t incl. p_o ⊙ c_t
                    : 1.0;                                                // NOG: o_t = 1
            double hct = h.apply(ct);
            av[offI + j] = it;
            av[offF + j] = ft;
            av[offZ + j] = zt;
            av[offO + j] = ot;
            c[j] = ct;
            hc[j] = hct;
            y[j] = hct * ot;                                              // y_t = h(c_t) ⊙ o_t
        }
        output.forward(tr.y.at(t), tr.out.at(t));
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        LstmTrajectory tr = own(trajectory);
        checkCarry(carry);
        tr.store.checkBackward(t);
        double[] dy = deltaY.data;
        System.arraycopy(carry, 0, dy, 0, nH);                            // recurrent part of δy_t
        if (outputNetDelta != null) {
            output.backward(tr.y.at(t), outputNetDelta, deltaY);          // δy_t += Δ_t
        }
        double[] act = tr.act.at(t).data;
        double[] cPrev = tr.cPrev(t).data;
        double[] c = tr.c.at(t).data;
        double[] hc = tr.hc.at(t).data;
        double[] dn = deltaNet.data;
        int offI = blockStart(BLOCK_I);
        int offF = blockStart(BLOCK_F);
        int offZ = blockStart(BLOCK_Z);
        int offO = blockStart(BLOCK_O);
        boolean fgr = cell.fullGateRecurrence();
        int carryC = nH;
        int carryGates = 2 * nH;                                          // (i, f, o) errors, FGR only
        for (int j = 0; j < nH; j++) {
            double it = act[offI + j];
            double ft = act[offF + j];
            double zt = act[offZ + j];
            double ot = act[offO + j];
            double dyj = dy[j];
            double dO = dyj * hc[j] + (fgr ? carry[carryGates + 2 * nH + j] : 0);  // dE/do_t
            double dOBar = cell.outputGate() ? dO * ot * (1 - ot) : 0;    // δō_t = δy_t ⊙ h(c_t) ⊙ σ'(ō_t)
            double dC = dyj * ot * h.derivativeFromOutput(hc[j])          // δc_t = δy_t ⊙ o_t ⊙ h'(c_t)
                    + pO[j] * dOBar                                       //      + p_o ⊙ δō_t
                    + carry[carryC + j];                                  //      + (p_i ⊙ δī + p_f ⊙ δf̄ + δc ⊙ f)_{t+1}
            double dF = dC * cPrev[j] + (fgr ? carry[carryGates + nH + j] : 0); // dE/df_t = δc_t ⊙ c_{t-1}
            double dI = dC * zt + (fgr ? carry[carryGates + j] : 0);      // dE/di_t = δc_t ⊙ z_t
            if (cell.coupledInputForget()) {
                dI -= dF;                                                 // CIFG: f_t = 1 - i_t
            }
            double dFBar = cell.forgetGate() ? dF * ft * (1 - ft) : 0;    // δf̄_t = δc_t ⊙ c_{t-1} ⊙ σ'(f̄_t)
            double dIBar = cell.inputGate() ? dI * it * (1 - it) : 0;     // δī_t = δc_t ⊙ z_t ⊙ σ'(ī_t)
            double dZBar = dC * it * g.derivativeFromOutput(zt);          // δz̄_t = δc_t ⊙ i_t ⊙ g'(z̄_t)
            dn[offI + j] = dIBar;
            dn[offF + j] = dFBar;
            dn[offZ + j] = dZBar;
            dn[offO + j] = dOBar;
            carry[carryC + j] = dC * ft + pI[j] * dIBar + pF[j] * dFBar;  // to δc_{t-1}: δc_t ⊙ f_t + p_i ⊙ δī_t + p_f ⊙ δf̄_t
            if (cell.peepholes()) {
                peepholeI.gradient()[j] += cPrev[j] * dIBar;              // δp_i += c_{t-1} ⊙ δī_t
                peepholeF.gradient()[j] += cPrev[j] * dFBar;              // δp_f += c_{t-1} ⊙ δf̄_t
                peepholeO.gradient()[j] += c[j] * dOBar;                  // δp_o += c_t ⊙ δō_t
            }
        }
        DMatrixRMaj yPrev = tr.yPrev(t);
        CommonOps_DDRM.multAddTransA(deltaNet, tr.x.at(t), weightIh.gradientMatrix()); // δW += δ_t x_tᵀ
        CommonOps_DDRM.multAddTransA(deltaNet, yPrev, weightHh.gradientMatrix());      // δR += δ_t y_{t-1}ᵀ
        double[] gb = bias.gradient();
        for (int k = 0; k < gb.length; k++) {
            gb[k] += dn[k];                                                            // δb += δ_t
        }
        CommonOps_DDRM.mult(deltaNet, weightHh.valueMatrix(), deltaYPrev);             // to δy_{t-1}: Rᵀ δ_t
        System.arraycopy(deltaYPrev.data, 0, carry, 0, nH);
        if (fgr) {
            gatherGates(dn, deltaGates.data);
            gatherGates(tr.actPrev(t).data, gatesPrev.data);
            CommonOps_DDRM.multAddTransA(deltaGates, gatesPrev, weightGateRecurrent.gradientMatrix()); // δG += δgates_t (i,f,o)_{t-1}ᵀ
            CommonOps_DDRM.mult(deltaGates, weightGateRecurrent.valueMatrix(), deltaGatesPrev);       // to dE/d(i,f,o)_{t-1}: Gᵀ δgates_t
            System.arraycopy(deltaGatesPrev.data, 0, carry, carryGates, 3 * nH);
        }
    }

    private void checkCarry(double[] carry) {
        if (carry.length != carrySize()) {
            throw new IllegalArgumentException("the carry has " + carry.length + " values, this network carries "
                    + carrySize());
        }
    }

    private int blockStart(int block) {
        return block * nH;
    }

    /** Copies the i, f, o blocks of a stacked [4H] vector into a [3H] vector. */
    private void gatherGates(double[] stacked, double[] gates) {
        for (int k = 0; k < FGR_BLOCKS.length; k++) {
            System.arraycopy(stacked, blockStart(FGR_BLOCKS[k]), gates, k * nH, nH);
        }
    }

    /** Adds a [3H] vector (blocks i, f, o) into the matching blocks of a stacked [4H] vector. */
    private void scatterAddGates(double[] gates, double[] stacked) {
        for (int k = 0; k < FGR_BLOCKS.length; k++) {
            int from = k * nH;
            int to = blockStart(FGR_BLOCKS[k]);
            for (int j = 0; j < nH; j++) {
                stacked[to + j] += gates[from + j];
            }
        }
    }

    private static double sigma(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private LstmTrajectory own(Trajectory trajectory) {
        if (trajectory instanceof LstmTrajectory tr && tr.owner == this) {
            return tr;
        }
        throw new IllegalArgumentException("the trajectory was not made by this network's newTrajectory");
    }

    /** Per-step activations of one {@link VanillaLstm}, in a {@link StepStore} ring. */
    private static final class LstmTrajectory implements Trajectory {
        final VanillaLstm owner;
        final StepStore store;
        final StepSeries x;    // x_t                      [I]
        final StepSeries act;  // i_t, f_t, z_t, o_t       [4H]
        final StepSeries c;    // c_t                      [H]
        final StepSeries hc;   // h(c_t)                   [H]
        final StepSeries y;    // y_t                      [H]
        final StepSeries out;  // output units             [K]
        final DMatrixRMaj zeroH;   // y_{-1} = c_{-1} = 0
        final DMatrixRMaj zero4H;  // gate activations before step 0

        LstmTrajectory(VanillaLstm owner, int capacity) {
            this.owner = owner;
            this.store = new StepStore(capacity);
            int nH = owner.nH;
            this.x = store.series(owner.nIn);
            this.act = store.series(4 * nH);
            this.c = store.series(nH);
            this.hc = store.series(nH);
            this.y = store.series(nH);
            this.out = store.series(owner.outputSize());
            this.zeroH = new DMatrixRMaj(1, nH);
            this.zero4H = new DMatrixRMaj(1, 4 * nH);
        }

        /** This trajectory, after checking that step {@code t} is held. */
        LstmTrajectory held(int t) {
            store.checkHeld(t);
            return this;
        }

        DMatrixRMaj yPrev(int t) {
            return t == 0 ? zeroH : y.at(t - 1);
        }

        DMatrixRMaj cPrev(int t) {
            return t == 0 ? zeroH : c.at(t - 1);
        }

        DMatrixRMaj actPrev(int t) {
            return t == 0 ? zero4H : act.at(t - 1);
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
