package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;

/**
 * One quantity a network keeps for every step of a {@link StepStore} (say the cell states c_t): a
 * ring of [B, width] EJML matrices, one per slot, so that the per-step kernels are matrix products
 * over the B sequences of a batch (B = 1 for a single sequence). The slot of step t has as many rows
 * as sequences run at t ({@link StepStore#beginForward}); its array always holds B rows.
 */
final class StepSeries {

    private final int width;
    private final int rows;
    private DMatrixRMaj[] slots;
    /** The first rows of some slot, re-pointed by {@link #firstRows}: one view per series, no allocation. */
    private final DMatrixRMaj view;

    StepSeries(int width, int rows, int slotCount) {
        this.width = width;
        this.rows = rows;
        this.slots = new DMatrixRMaj[slotCount];
        for (int s = 0; s < slotCount; s++) {
            slots[s] = new DMatrixRMaj(rows, width);
        }
        this.view = new DMatrixRMaj(1, width);
    }

    /** The slot of step {@code t}. */
    DMatrixRMaj at(int t) {
        return slots[t % slots.length];
    }

    /**
     * The first {@code n} rows of the slot of step {@code t}, as a matrix sharing its array (at most
     * the slot's rows). The series has one such view: it is valid until the next call.
     */
    DMatrixRMaj firstRows(int t, int n) {
        DMatrixRMaj slot = at(t);
        if (n > slot.numRows) {
            throw new IllegalStateException("step " + t + " holds " + slot.numRows + " rows, asked for " + n);
        }
        view.data = slot.data;
        view.numRows = n;
        view.numCols = width;
        return view;
    }

    /** Sets the number of rows the slot of step {@code t} holds (no allocation: at most B). */
    void setRows(int t, int n) {
        at(t).reshape(n, width, false);
    }

    /**
     * Grows to {@code slotCount} slots, keeping the matrices of steps {@code first..last} (at most the
     * old slot count of them) reachable under their step numbers.
     */
    void grow(int slotCount, int first, int last) {
        DMatrixRMaj[] grown = new DMatrixRMaj[slotCount];
        for (int t = Math.max(first, 0); t <= last; t++) {
            grown[t % slotCount] = slots[t % slots.length];
        }
        for (int s = 0; s < slotCount; s++) {
            if (grown[s] == null) {
                grown[s] = new DMatrixRMaj(rows, width);
            }
        }
        slots = grown;
    }
}
