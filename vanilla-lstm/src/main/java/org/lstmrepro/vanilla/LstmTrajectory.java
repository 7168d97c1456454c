package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;

/**
 * Per-step activations of one {@link VanillaLstm} for up to B sequences side by side, in a
 * {@link StepStore} ring, and the scratch matrices of its step kernels (all [B, width], used with as
 * many rows as sequences run at the step). Allocated once; no allocation per step.
 */
final class LstmTrajectory extends LayerTrajectory {

    final StepSeries act;  // i_t, f_t, z_t, o_t       [4H]
    final StepSeries c;    // c_t                      [H]
    final StepSeries hc;   // h(c_t)                   [H]
    final StepSeries y;    // y_t (the layer's h_t)    [H]

    private final DMatrixRMaj zero4H;     // gate activations before step 0
    final DMatrixRMaj deltaY;             // δy_t                          [B, H]
    final DMatrixRMaj deltaNet;           // δ of the stacked net inputs    [B, 4H]
    final DMatrixRMaj deltaYPrev;         // δ_t R, error to y_{t-1}        [B, H]
    final DMatrixRMaj gatesPrev;          // (i, f, o)_{t-1}                [B, 3H]  (FGR)
    final DMatrixRMaj gateNet;            // G (i, f, o)_{t-1}              [B, 3H]  (FGR)
    final DMatrixRMaj deltaGates;         // (δī, δf̄, δō)_t                [B, 3H]  (FGR)
    final DMatrixRMaj deltaGatesPrev;     // δgates_t G, to (i, f, o)_{t-1} [B, 3H]  (FGR)

    LstmTrajectory(VanillaLstm owner, int rows, int capacity) {
        super(owner, rows, capacity, 4 * owner.hiddenSize());
        int nH = owner.hiddenSize();
        this.act = store.series(4 * nH);
        this.c = store.series(nH);
        this.hc = store.series(nH);
        this.y = h;
        this.zero4H = new DMatrixRMaj(rows, 4 * nH);
        this.deltaY = new DMatrixRMaj(rows, nH);
        this.deltaNet = new DMatrixRMaj(rows, 4 * nH);
        this.deltaYPrev = new DMatrixRMaj(rows, nH);
        int gates = owner.variant().structure().fullGateRecurrence() ? 3 * nH : 0;
        this.gatesPrev = new DMatrixRMaj(rows, gates);
        this.gateNet = new DMatrixRMaj(rows, gates);
        this.deltaGates = new DMatrixRMaj(rows, gates);
        this.deltaGatesPrev = new DMatrixRMaj(rows, gates);
    }

    /** This trajectory, after checking that step {@code t} is held. */
    LstmTrajectory held(int t) {
        store.checkHeld(t);
        return this;
    }

    /** y_{t-1} for the rows of step t. */
    DMatrixRMaj yPrev(int t) {
        return hPrev(t);
    }

    /** c_{t-1} for the rows of step t. */
    DMatrixRMaj cPrev(int t) {
        return t == 0 ? zeroState(t) : c.firstRows(t - 1, store.active(t));
    }

    /** (i, f, z, o)_{t-1} for the rows of step t. */
    DMatrixRMaj actPrev(int t) {
        return t == 0 ? RowOps.rows(zero4H, store.active(t)) : act.firstRows(t - 1, store.active(t));
    }
}
