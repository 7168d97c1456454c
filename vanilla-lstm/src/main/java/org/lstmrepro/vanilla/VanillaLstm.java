package org.lstmrepro.vanilla;

import org.lstmrepro.core.model.RecurrentBlock;
import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.CarryLayout;
import java.util.Optional;
import java.util.List;
import java.util.ArrayList;
import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.math.Activation;
import org.lstmrepro.core.math.ActivationKernels;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.truncated.CecNetwork;

/**
 * The vanilla LSTM of Greff et al. (2015) and its eight variants: one layer of H blocks with one
 * cell each, fully recurrent through the block outputs, read by a layer of output units; trained
 * by full BPTT (or truncated BPTT) over the {@link BpttNetwork} contract, one sequence at a time or as
 * masked minibatches ({@link BatchBpttNetwork}; the single-sequence methods are the batch of one).
 *
 * <p>Forward pass (docs/models.md, M12-M17; Greff et al. 2015, section 2):
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
 * <p>Tensors (docs/formats.md, PyTorch {@code nn.LSTM} layout, gate blocks stacked i, f, g(=z), o):
 * {@code weight_ih} [4H, I], {@code weight_hh} [4H, H], {@code bias} [4H], {@code peephole_i},
 * {@code peephole_f}, {@code peephole_o} [H] (not in NP), {@code weight_gate_recurrent} [3H, 3H]
 * (FGR only; row and column blocks i, f, o), {@code output.weight} [K, H], {@code output.bias} [K].
 * Rows a variant does not use stay in the tensors, are ignored and get zero gradient.
 *
 * <p>Carry between backward steps ({@link #carrySize()} = 2H, or 5H for FGR):
 * {@code [dE/dy_t | dE/dc_t | dE/d(i_t, f_t, o_t)]}, each the part arriving through step t + 1.
 *
 * <p><b>Derivative clipping</b> (Graves 2013, {@link VanillaConfig#derivativeClip()}): when on, each
 * δz̄, δī, δf̄, δō is clipped to [-L, L] as soon as it is computed, and the clipped value is what the
 * weight gradients and the errors sent to earlier steps are made of.
 *
 * <p><b>The 1997-style truncated gradient</b> ({@link CecNetwork}, Gers, Schmidhuber and Cummins 2000):
 * every recurrent path is cut except the cell's own c_{t-1} -> c_t, whose factor is f_t (1 in NFG,
 * 1 - i_t in CIFG). The traced groups are the block input, input gate and forget gate rows (those the
 * variant has), reading z(t) = [x_t, y_{t-1}] (FGR: [x_t, y_{t-1}, i_{t-1}, f_{t-1}, o_{t-1}]; the block
 * input rows have no weights on the gate part and ignore its traces); the peepholes p_i, p_f are traced
 * with their source c_{t-1} held constant; the output gate (p_o included) is immediate.
 * {@link #detached()} and {@link #forwardWithConstantSources} give the exact gradient and the forward
 * pass of that truncated graph, to check the rule against.
 */
public final class VanillaLstm extends LayerNetwork<LstmTrajectory> implements CecNetwork {

    /** The model id of the interchange spec. */
    public static final String MODEL_ID = "vanilla";
    public static final String WEIGHT_IH = LayerNetwork.WEIGHT_IH;
    public static final String WEIGHT_HH = LayerNetwork.WEIGHT_HH;
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
    /** Graves (2013) derivative clipping limit L; 0 when off. */
    private final double clip;

    private final Parameter bias;
    private final Parameter peepholeI;
    private final Parameter peepholeF;
    private final Parameter peepholeO;
    private final Parameter weightGateRecurrent;

    /** Peephole weights as read by the cell: the tensors' values, or zeros in NP. */
    private final double[] pI;
    private final double[] pF;
    private final double[] pO;

    /** The stacked blocks whose rows are traced groups of the truncated gradient: z, then i and f if present. */
    private final int[] tracedBlocks;

    /** A network with the configured structure, its weights drawn from {@code random}. */
    public VanillaLstm(VanillaConfig config, RandomStream random) {
        super(required(config, "a vanilla LSTM").inputSize(), config.hiddenSize(), 4);
        this.config = config;
        this.cell = config.variant().structure();
        this.g = cell.inputActivation();
        this.h = cell.outputActivation();
        this.clip = config.derivativeClip();
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
        addOutputLayer(config.outputSize(), config.outputUnits());
        this.tracedBlocks = cell.inputGate()
                ? (cell.forgetGate() ? new int[] {BLOCK_Z, BLOCK_I, BLOCK_F} : new int[] {BLOCK_Z, BLOCK_I})
                : (cell.forgetGate() ? new int[] {BLOCK_Z, BLOCK_F} : new int[] {BLOCK_Z});

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

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    LstmTrajectory trajectory(int rows, int capacity) {
        return new LstmTrajectory(this, rows, capacity);
    }

    @Override
    Class<LstmTrajectory> trajectoryType() {
        return LstmTrajectory.class;
    }

    /** The stacked net inputs are computed in place of the activations (i, f, z, o)_t. */
    @Override
    DMatrixRMaj netInput(LstmTrajectory tr, int t) {
        return tr.act.at(t);
    }

    @Override
    public int carrySize() {
        return cell.fullGateRecurrence() ? 5 * nH : 2 * nH;
    }

    /** The carry {@code [dE/dy (H) | dE/dc (H) (| gate errors 3H, FGR)]}: cell state c at [H, 2H), y at [0, H). */
    @Override
    public CarryLayout carryLayout() {
        return new CarryLayout(nH, nH, 0, nH, "c", "y");
    }

    @Override
    public Optional<GateProbe> gateProbe() {
        return Optional.of(new VanillaGateProbe(this));
    }

    /**
     * The blocks of {@code weight_hh} the variant uses, stacked i, f, z, o (interchange layout); Greff et
     * al. (2015) call them R_i, R_f, R_z, R_o.
     */
    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        List<RecurrentBlock> out = new ArrayList<>();
        if (cell.inputGate()) {
            out.add(new RecurrentBlock("R_i", weightHh, 0, 0, nH));
        }
        if (cell.forgetGate() && !cell.coupledInputForget()) {
            out.add(new RecurrentBlock("R_f", weightHh, nH, 0, nH));
        }
        out.add(new RecurrentBlock("R_z", weightHh, 2 * nH, 0, nH));
        if (cell.outputGate()) {
            out.add(new RecurrentBlock("R_o", weightHh, 3 * nH, 0, nH));
        }
        return out;
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

    // ------------------------------------------------------------------------------------------ forward

    @Override
    void recurrentStep(LstmTrajectory tr, int t) {
        forwardKernel(tr, t, tr.yPrev(t), tr.cPrev(t), tr.actPrev(t));
    }

    /**
     * Step {@code t} of the forward pass (the equations of the class comment) for every row of the
     * step, x_t and its projection W x_t already in place. The recurrent sources are arguments so that the truncated graph can
     * hold them at recorded values: {@code yPrev} is the y_{t-1} that R reads, {@code cPeep} the c_{t-1}
     * the peepholes p_i, p_f read, {@code actPrev} the (i, f, z, o)_{t-1} that FGR's G reads. The
     * carousel term c_{t-1} ⊙ f_t always reads the trajectory's own c_{t-1}.
     */
    private void forwardKernel(LstmTrajectory tr, int t, DMatrixRMaj yPrev, DMatrixRMaj cPeep, DMatrixRMaj actPrev) {
        int rows = tr.store.active(t);
        DMatrixRMaj a = tr.act.at(t);           // first the net inputs (a = W x_t), then (in place) the activations
        tr.sequence.recurrent(yPrev, weightHh.valueMatrix(), a, true);     // a += R y_{t-1}
        RowOps.addToEveryRow(bias.value(), a);                                // a += b
        if (cell.fullGateRecurrence()) {
            DMatrixRMaj gates = RowOps.rows(tr.gatesPrev, rows);
            DMatrixRMaj gateNet = RowOps.rows(tr.gateNet, rows);
            gatherGates(actPrev, gates);
            BatchProducts.multTransB(gates, weightGateRecurrent.valueMatrix(), gateNet);
            scatterAddGates(gateNet, a);                                  // ī, f̄, ō += G (i, f, o)_{t-1}
        }
        double[] av = a.data;
        double[] cp = cPeep.data;
        double[] cPrev = tr.cPrev(t).data;
        double[] c = tr.c.at(t).data;
        double[] hc = tr.hc.at(t).data;
        double[] y = tr.y.at(t).data;
        for (int r = 0; r < rows; r++) {
            int ra = 4 * nH * r;
            int offI = ra + blockStart(BLOCK_I);
            int offF = ra + blockStart(BLOCK_F);
            int offZ = ra + blockStart(BLOCK_Z);
            int offO = ra + blockStart(BLOCK_O);
            int rh = nH * r;
            // phases over whole gate blocks, each unit with the operations (and order) of the per-unit
            // equations: the block kernels give every element the scalar function's bits
            boolean ownForget = cell.forgetGate() && !cell.coupledInputForget();
            if (cell.inputGate()) {
                addPeepholes(av, offI, pI, cp, rh);                        // ī_t incl. p_i ⊙ c_{t-1}
            }
            if (ownForget) {
                addPeepholes(av, offF, pF, cp, rh);                        // f̄_t incl. p_f ⊙ c_{t-1}
            }
            if (cell.inputGate() && ownForget) {
                ActivationKernels.sigmoid(av, offI, 2 * nH);               // i_t = σ(ī_t), f_t = σ(f̄_t): adjacent blocks
            } else {
                if (cell.inputGate()) {
                    ActivationKernels.sigmoid(av, offI, nH);               // i_t = σ(ī_t)
                } else {
                    Arrays.fill(av, offI, offI + nH, 1.0);                 // NIG: i_t = 1
                }
                if (cell.coupledInputForget()) {
                    for (int j = 0; j < nH; j++) {
                        av[offF + j] = 1.0 - av[offI + j];                 // CIFG: f_t = 1 - i_t
                    }
                } else if (ownForget) {
                    ActivationKernels.sigmoid(av, offF, nH);               // f_t = σ(f̄_t)
                } else {
                    Arrays.fill(av, offF, offF + nH, 1.0);                 // NFG: f_t = 1
                }
            }
            ActivationKernels.apply(g, av, offZ, nH);                      // z_t = g(z̄_t)
            for (int j = 0; j < nH; j++) {
                c[rh + j] = av[offZ + j] * av[offI + j] + cPrev[rh + j] * av[offF + j]; // c_t = z_t ⊙ i_t + c_{t-1} ⊙ f_t
            }
            if (cell.outputGate()) {
                addPeepholes(av, offO, pO, c, rh);                         // ō_t incl. p_o ⊙ c_t
                ActivationKernels.sigmoid(av, offO, nH);                   // o_t = σ(ō_t)
            } else {
                Arrays.fill(av, offO, offO + nH, 1.0);                     // NOG: o_t = 1
            }
            ActivationKernels.apply(h, c, rh, hc, rh, nH);                 // h(c_t)
            for (int j = 0; j < nH; j++) {
                y[rh + j] = hc[rh + j] * av[offO + j];                     // y_t = h(c_t) ⊙ o_t
            }
        }
        output.forward(tr.y.at(t), tr.out.at(t));
    }

    // ----------------------------------------------------------------------------------------- backward

    @Override
    void backwardKernel(LstmTrajectory tr, int t, double[] outputNetDelta, double[] carry) {
        backwardKernel(tr, t, outputNetDelta, carry, false);
    }

    /**
     * The exact backward step of the truncated graph of the class comment: the carry keeps only
     * dE/dc_{t-1} = δc_t ⊙ f_t and drops every path through y_{t-1}, the peepholes' c_{t-1} and (FGR) the
     * gates of t - 1. Under {@code FullBptt}, {@link #detached()} yields what the 1997 truncated gradient
     * computes (weights held fixed).
     */
    @Override
    public void detachedBackwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        RowOps.checkSingle(outputNetDelta, outputSize(), carry, carrySize());
        LstmTrajectory tr = own(trajectory);
        tr.store.checkBackward(t);
        beginBackward(tr);
        backwardKernel(tr, t, outputNetDelta, carry, true);
        tr.sequence.finishBackward();
    }

    /**
     * Backward through step {@code t} for every row of the step (docs/models.md, M18-M22), with
     * {@code carry} row-major [B, carrySize]. {@code detached}: only the carousel path is carried back.
     */
    private void backwardKernel(LstmTrajectory tr, int t, double[] outputNetDelta, double[] carry, boolean detached) {
        int rows = tr.store.active(t);
        int cs = carrySize();
        DMatrixRMaj deltaY = RowOps.rows(tr.deltaY, rows);
        RowOps.fromCarry(carry, cs, 0, deltaY);                           // recurrent part of δy_t
        double[] dy = deltaY.data;
        if (outputNetDelta != null) {
            output.loadDelta(outputNetDelta, rows, tr.outputDelta);
            output.backward(tr.y.at(t), tr.outputDelta, deltaY);          // δy_t += Δ_t
        }
        DMatrixRMaj deltaNet = RowOps.rows(tr.deltaNet, rows);
        double[] act = tr.act.at(t).data;
        double[] cPrev = tr.cPrev(t).data;
        double[] c = tr.c.at(t).data;
        double[] hc = tr.hc.at(t).data;
        double[] dn = deltaNet.data;
        boolean fgr = cell.fullGateRecurrence();
        for (int r = 0; r < rows; r++) {
            int ra = 4 * nH * r;
            int offI = ra + blockStart(BLOCK_I);
            int offF = ra + blockStart(BLOCK_F);
            int offZ = ra + blockStart(BLOCK_Z);
            int offO = ra + blockStart(BLOCK_O);
            int rh = nH * r;
            int carryC = r * cs + nH;
            int carryGates = r * cs + 2 * nH;                             // (i, f, o) errors, FGR only
            for (int j = 0; j < nH; j++) {
                double it = act[offI + j];
                double ft = act[offF + j];
                double zt = act[offZ + j];
                double ot = act[offO + j];
                double dyj = dy[rh + j];
                double dO = dyj * hc[rh + j] + (fgr ? carry[carryGates + 2 * nH + j] : 0);  // dE/do_t
                double dOBar = cell.outputGate() ? clip(dO * ot * (1 - ot)) : 0;  // δō_t = δy_t ⊙ h(c_t) ⊙ σ'(ō_t)
                double dC = dyj * ot * h.derivative(c[rh + j], hc[rh + j]) // δc_t = δy_t ⊙ o_t ⊙ h'(c_t)
                        + pO[j] * dOBar                                   //      + p_o ⊙ δō_t
                        + carry[carryC + j];                              //      + (p_i ⊙ δī + p_f ⊙ δf̄ + δc ⊙ f)_{t+1}
                double dF = dC * cPrev[rh + j] + (fgr ? carry[carryGates + nH + j] : 0); // dE/df_t = δc_t ⊙ c_{t-1}
                double dI = dC * zt + (fgr ? carry[carryGates + j] : 0);  // dE/di_t = δc_t ⊙ z_t
                if (cell.coupledInputForget()) {
                    dI -= dF;                                             // CIFG: f_t = 1 - i_t
                }
                double dFBar = cell.forgetGate() ? clip(dF * ft * (1 - ft)) : 0;  // δf̄_t = δc_t ⊙ c_{t-1} ⊙ σ'(f̄_t)
                double dIBar = cell.inputGate() ? clip(dI * it * (1 - it)) : 0;   // δī_t = δc_t ⊙ z_t ⊙ σ'(ī_t)
                double dZBar = clip(dC * it * g.derivativeFromOutput(zt));        // δz̄_t = δc_t ⊙ i_t ⊙ g'(z̄_t)
                dn[offI + j] = dIBar;
                dn[offF + j] = dFBar;
                dn[offZ + j] = dZBar;
                dn[offO + j] = dOBar;
                carry[carryC + j] = detached
                        ? dC * ft                                         // truncated: the carousel only
                        : dC * ft + pI[j] * dIBar + pF[j] * dFBar;        // δc_{t-1}: δc_t ⊙ f_t + p_i ⊙ δī_t + p_f ⊙ δf̄_t
                if (cell.peepholes()) {
                    peepholeI.gradient()[j] += cPrev[rh + j] * dIBar;     // δp_i += c_{t-1} ⊙ δī_t
                    peepholeF.gradient()[j] += cPrev[rh + j] * dFBar;     // δp_f += c_{t-1} ⊙ δf̄_t
                    peepholeO.gradient()[j] += c[rh + j] * dOBar;         // δp_o += c_t ⊙ δō_t
                }
            }
        }
        addWeightGradients(tr, t, deltaNet);
        if (detached) {
            for (int r = 0; r < rows; r++) {
                Arrays.fill(carry, r * cs, r * cs + nH, 0.0);             // no path through y_{t-1}
                Arrays.fill(carry, r * cs + 2 * nH, (r + 1) * cs, 0.0);   // nor through (i, f, o)_{t-1} (FGR)
            }
            return;
        }
        DMatrixRMaj deltaYPrev = RowOps.rows(tr.deltaYPrev, rows);
        BatchProducts.mult(deltaNet, weightHh.valueMatrix(), deltaYPrev);  // to δy_{t-1}: Rᵀ δ_t
        RowOps.toCarry(deltaYPrev, carry, cs, 0);
        if (fgr) {
            DMatrixRMaj deltaGatesPrev = RowOps.rows(tr.deltaGatesPrev, rows);
            BatchProducts.mult(tr.deltaGates, weightGateRecurrent.valueMatrix(), deltaGatesPrev); // to dE/d(i,f,o)_{t-1}: Gᵀ δgates_t
            RowOps.toCarry(deltaGatesPrev, carry, cs, 2 * nH);
        }
    }

    /**
     * The gradients of the stacked weights from the net-input errors δ_t of every row of step t:
     * δW += δ_tᵀ x_t, δR += δ_tᵀ y_{t-1} (recorded: added as one product at the end of the backward
     * pass, {@link SequenceBuffers}), δb += δ_t, and for FGR δG += δgates_tᵀ (i, f, o)_{t-1} (leaving
     * δgates_t, the i, f, o blocks of δ_t, in the trajectory's scratch).
     */
    private void addWeightGradients(LstmTrajectory tr, int t, DMatrixRMaj deltaNet) {
        int rows = deltaNet.numRows;
        tr.sequence.record(deltaNet, null, tr.x.at(t), tr.yPrev(t));                     // δW += δ_tᵀ x_t, δR += δ_tᵀ y_{t-1}
        RowOps.addRowSum(deltaNet, bias.gradient());                                     // δb += δ_t
        if (cell.fullGateRecurrence()) {
            DMatrixRMaj deltaGates = RowOps.rows(tr.deltaGates, rows);
            DMatrixRMaj gatesPrev = RowOps.rows(tr.gatesPrev, rows);
            gatherGates(deltaNet, deltaGates);
            gatherGates(tr.actPrev(t), gatesPrev);
            BatchProducts.multAddTransA(deltaGates, gatesPrev, weightGateRecurrent.gradientMatrix()); // δG += δgates_tᵀ (i,f,o)_{t-1}
        }
    }

    /** Graves (2013): a net-input derivative clipped to [-L, L], or unchanged when clipping is off. */
    private double clip(double delta) {
        return clip > 0 ? Math.max(-clip, Math.min(clip, delta)) : delta;
    }

    // ------------------------------------------------------------------- the 1997-style truncated gradient

    /**
     * Refuses the 1997 truncated gradient when derivative clipping is on: clipping acts on the
     * net-input errors of a backward pass, which the forward-traced rule does not have.
     */
    @Override
    public void checkTruncatedGradientSupported() {
        if (config.clipsDerivatives()) {
            throw new IllegalArgumentException("rule truncated1997 computes no backward pass for derivative clipping "
                    + "(Graves 2013) to act on; set derivativeClip to 0 or train with bptt");
        }
    }

    /** One cell per block: C = H. */
    @Override
    public int cellCount() {
        return nH;
    }

    /** z(t) = [x_t, y_{t-1}], and for FGR also (i, f, o)_{t-1}. */
    @Override
    public int sourceCount() {
        return nIn + nH + (cell.fullGateRecurrence() ? 3 * nH : 0);
    }

    /** The block input, then the input gate and the forget gate if the variant has them (own weights). */
    @Override
    public int tracedGroupCount() {
        return tracedBlocks.length;
    }

    @Override
    public int tracedRowCount(int group) {
        tracedBlock(group);
        return nH;
    }

    @Override
    public int tracedRowOfCell(int group, int cell) {
        tracedBlock(group);
        return cell;
    }

    /** The input and forget gates read c_{t-1} through p_i, p_f (not in NP). */
    @Override
    public boolean tracedGroupHasPeepholes(int group) {
        return cell.peepholes() && tracedBlock(group) != BLOCK_Z;
    }

    private int tracedBlock(int group) {
        if (group < 0 || group >= tracedBlocks.length) {
            throw new IllegalArgumentException("traced group must be 0 to " + (tracedBlocks.length - 1) + ", was " + group);
        }
        return tracedBlocks[group];
    }

    /**
     * z(t); carousel factor f_t; direct factors dc_t/d(net) with c_{t-1} and z(t) held:
     * {@code i_t g'(z̄_t)} (block input), {@code z_t σ'(ī_t)} (input gate; CIFG: {@code (z_t - c_{t-1}) σ'(ī_t)},
     * since f_t = 1 - i_t), {@code c_{t-1} σ'(f̄_t)} (forget gate).
     */
    @Override
    public void cecStep(Trajectory trajectory, int t, double[] sources, double[] carouselFactor,
                        double[][] directFactor) {
        LstmTrajectory tr = own(trajectory);
        System.arraycopy(tr.x.at(t).data, 0, sources, 0, nIn);
        System.arraycopy(tr.yPrev(t).data, 0, sources, nIn, nH);
        if (cell.fullGateRecurrence()) {
            DMatrixRMaj gates = RowOps.rows(tr.gatesPrev, 1);
            gatherGates(tr.actPrev(t), gates);
            System.arraycopy(gates.data, 0, sources, nIn + nH, 3 * nH);
        }
        double[] act = tr.act.at(t).data;
        double[] cPrev = tr.cPrev(t).data;
        for (int j = 0; j < nH; j++) {
            double it = act[blockStart(BLOCK_I) + j];
            double ft = act[blockStart(BLOCK_F) + j];
            double zt = act[blockStart(BLOCK_Z) + j];
            carouselFactor[j] = ft;
            for (int group = 0; group < tracedBlocks.length; group++) {
                directFactor[group][j] = switch (tracedBlocks[group]) {
                    case BLOCK_Z -> it * g.derivativeFromOutput(zt);
                    case BLOCK_I -> (cell.coupledInputForget() ? zt - cPrev[j] : zt) * it * (1 - it);
                    default -> cPrev[j] * ft * (1 - ft);
                };
            }
        }
    }

    /** c_{t-1}, the source of p_i and p_f. */
    @Override
    public void peepholeSources(Trajectory trajectory, int t, double[] previousCellStates) {
        System.arraycopy(own(trajectory).cPrev(t).data, 0, previousCellStates, 0, nH);
    }

    /**
     * Output layer and output gate (W_o, R_o, b_o, p_o, and G's o rows for FGR) from this step's error
     * only, and {@code e_c = δy_t ⊙ o_t ⊙ h'(c_t) + p_o ⊙ δō_t} with {@code δy_t = W_outᵀ δ_out}.
     */
    @Override
    public void truncatedBackward(Trajectory trajectory, int t, double[] outputNetDelta, double[] cellStateError) {
        LstmTrajectory tr = own(trajectory);
        tr.store.checkBackward(t);
        DMatrixRMaj deltaY = RowOps.rows(tr.deltaY, 1);
        Arrays.fill(deltaY.data, 0, nH, 0.0);
        output.loadDelta(outputNetDelta, 1, tr.outputDelta);
        output.backward(tr.y.at(t), tr.outputDelta, deltaY);
        DMatrixRMaj deltaNet = RowOps.rows(tr.deltaNet, 1);
        double[] dn = deltaNet.data;
        Arrays.fill(dn, 0.0);
        double[] act = tr.act.at(t).data;
        double[] c = tr.c.at(t).data;
        double[] hc = tr.hc.at(t).data;
        for (int j = 0; j < nH; j++) {
            double ot = act[blockStart(BLOCK_O) + j];
            double dyj = deltaY.data[j];
            double dOBar = cell.outputGate() ? dyj * hc[j] * ot * (1 - ot) : 0;      // δō_t
            dn[blockStart(BLOCK_O) + j] = dOBar;
            cellStateError[j] = dyj * ot * h.derivative(c[j], hc[j]) + pO[j] * dOBar;
            if (cell.peepholes()) {
                peepholeO.gradient()[j] += c[j] * dOBar;                              // δp_o += c_t ⊙ δō_t
            }
        }
        beginBackward(tr);
        addWeightGradients(tr, t, deltaNet);                                          // only the o rows are non-zero
        tr.sequence.finishBackward();
    }

    /** Row j of a traced group's gradient: on x_t (W), y_{t-1} (R), (i, f, o)_{t-1} (FGR's G; gates only), bias. */
    @Override
    public void addTracedGradient(int group, double[] gradient) {
        int block = tracedBlock(group);
        int stride = sourceCount() + 1;
        double[] gw = weightIh.gradient();
        double[] gr = weightHh.gradient();
        double[] gb = bias.gradient();
        int fgrRow = fgrIndex(block);
        for (int j = 0; j < nH; j++) {
            int from = j * stride;
            int row = blockStart(block) + j;
            for (int m = 0; m < nIn; m++) {
                gw[row * nIn + m] += gradient[from + m];
            }
            for (int m = 0; m < nH; m++) {
                gr[row * nH + m] += gradient[from + nIn + m];
            }
            if (cell.fullGateRecurrence() && fgrRow >= 0) {
                double[] gg = weightGateRecurrent.gradient();
                int gRow = (fgrRow * nH + j) * 3 * nH;
                for (int m = 0; m < 3 * nH; m++) {
                    gg[gRow + m] += gradient[from + nIn + nH + m];
                }
            }
            gb[row] += gradient[from + stride - 1];
        }
    }

    @Override
    public void addPeepholeGradient(int group, double[] gradient) {
        if (!tracedGroupHasPeepholes(group)) {
            throw new IllegalArgumentException("traced group " + group + " has no peepholes");
        }
        double[] gp = tracedBlock(group) == BLOCK_I ? peepholeI.gradient() : peepholeF.gradient();
        for (int j = 0; j < nH; j++) {
            gp[j] += gradient[j];
        }
    }

    /**
     * What step t + 1 of the truncated graph reads from step t, for every step of the sequence at the
     * current weights: {@code [y_t | c_t]}, and for FGR also the stacked activations (i, f, z, o)_t.
     *
     * @return {@code [T][2H]} or {@code [T][6H]}, fresh arrays
     */
    double[][] recordRecurrentSources(Sequence sequence) {
        double[][] recorded = new double[sequence.length()][];
        LstmTrajectory tr = inference();
        double[][] inputs = sequence.inputs();
        for (int t = 0; t < inputs.length; t++) {
            forwardStep(tr, t, inputs[t]);
            double[] r = new double[recordWidth()];
            System.arraycopy(tr.y.at(t).data, 0, r, 0, nH);
            System.arraycopy(tr.c.at(t).data, 0, r, nH, nH);
            if (cell.fullGateRecurrence()) {
                System.arraycopy(tr.act.at(t).data, 0, r, 2 * nH, 4 * nH);
            }
            recorded[t] = r;
        }
        return recorded;
    }

    private int recordWidth() {
        return cell.fullGateRecurrence() ? 6 * nH : 2 * nH;
    }

    /**
     * Forward pass of the truncated graph: at step t the weights R, the peepholes p_i, p_f and (FGR) G
     * read {@code recorded[t - 1]} ({@link #recordRecurrentSources}) instead of the live values, while the
     * cell state runs through c_{t-1} ⊙ f_t as usual. With the recording taken at the current weights it
     * gives the ordinary forward pass; its derivatives with the recording held fixed are what the 1997
     * truncated gradient computes.
     *
     * @return the loss summed over the steps with a target
     */
    double forwardWithConstantSources(Sequence sequence, double[][] recorded, StepObserver observer) {
        double[][] inputs = sequence.inputs();
        double[][] targets = sequence.targets();
        for (int t = 0; t + 1 < inputs.length; t++) {
            if (t >= recorded.length || recorded[t] == null || recorded[t].length != recordWidth()) {
                throw new IllegalArgumentException("recorded sources at step " + t + " must hold " + recordWidth()
                        + " values");
            }
        }
        LstmTrajectory tr = inference();
        DMatrixRMaj yConst = new DMatrixRMaj(1, nH);
        DMatrixRMaj cConst = new DMatrixRMaj(1, nH);
        DMatrixRMaj actConst = new DMatrixRMaj(1, 4 * nH);
        double total = 0;
        for (int t = 0; t < inputs.length; t++) {
            RowOps.checkInput(inputs[t], nIn, t);
            beginStep(tr, t, inputs[t], 1);                                       // x_t and W x_t
            if (t == 0) {
                forwardKernel(tr, t, tr.yPrev(t), tr.cPrev(t), tr.actPrev(t));
            } else {
                double[] r = recorded[t - 1];
                System.arraycopy(r, 0, yConst.data, 0, nH);
                System.arraycopy(r, nH, cConst.data, 0, nH);
                if (cell.fullGateRecurrence()) {
                    System.arraycopy(r, 2 * nH, actConst.data, 0, 4 * nH);
                }
                forwardKernel(tr, t, yConst, cConst, actConst);
            }
            double[] y = tr.out.at(t).data;
            observer.onStep(t, y);
            if (targets[t] != null) {
                total += outputUnits().loss().value(y, targets[t]);
            }
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------- helpers

    private int blockStart(int block) {
        return block * nH;
    }

    /** The position of a stacked block among FGR's gates (i, f, o), or -1 for the block input. */
    private static int fgrIndex(int block) {
        for (int k = 0; k < FGR_BLOCKS.length; k++) {
            if (FGR_BLOCKS[k] == block) {
                return k;
            }
        }
        return -1;
    }

    /** Copies the i, f, o blocks of each row of a stacked [n, 4H] matrix into the rows of an [n, 3H] matrix. */
    private void gatherGates(DMatrixRMaj stacked, DMatrixRMaj gates) {
        for (int r = 0; r < gates.numRows; r++) {
            for (int k = 0; k < FGR_BLOCKS.length; k++) {
                System.arraycopy(stacked.data, r * 4 * nH + blockStart(FGR_BLOCKS[k]), gates.data,
                        r * 3 * nH + k * nH, nH);
            }
        }
    }

    /** Adds each row of an [n, 3H] matrix (blocks i, f, o) into the matching blocks of a stacked [n, 4H] matrix. */
    private void scatterAddGates(DMatrixRMaj gates, DMatrixRMaj stacked) {
        for (int r = 0; r < gates.numRows; r++) {
            for (int k = 0; k < FGR_BLOCKS.length; k++) {
                int from = r * 3 * nH + k * nH;
                int to = r * 4 * nH + blockStart(FGR_BLOCKS[k]);
                for (int j = 0; j < nH; j++) {
                    stacked.data[to + j] += gates.data[from + j];
                }
            }
        }
    }

    /** {@code net[off + j] = net[off + j] + p[j] * cell[rh + j]} for j &lt; H: a gate's peephole term (a multiply, then an add) on the source c_{t-1} or c_t. */
    private void addPeepholes(double[] net, int off, double[] p, double[] source, int rh) {
        for (int j = 0; j < nH; j++) {
            net[off + j] = net[off + j] + p[j] * source[rh + j];
        }
    }
}
