package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;

/**
 * One quantity a network keeps for every step of a {@link StepStore} (say the cell states c_t): a
 * ring of row vectors, one per slot, each a 1 x width EJML matrix so that the per-step kernels can
 * be matrix products (a batch of B sequences would make each slot B x width).
 */
final class StepSeries {

    private final int width;
    private DMatrixRMaj[] slots;

    StepSeries(int width, int slotCount) {
        this.width = width;
        this.slots = new DMatrixRMaj[slotCount];
        for (int s = 0; s < slotCount; s++) {
            slots[s] = new DMatrixRMaj(1, width);
        }
    }

    /** The slot of step {@code t}. */
    DMatrixRMaj at(int t) {
        return slots[t % slots.length];
    }

    /**
     * Grows to {@code slotCount} slots, keeping the vectors of steps {@code first..last} (at most the
     * old slot count of them) reachable under their step numbers.
     */
    void grow(int slotCount, int first, int last) {
        DMatrixRMaj[] grown = new DMatrixRMaj[slotCount];
        for (int t = Math.max(first, 0); t <= last; t++) {
            grown[t % slotCount] = slots[t % slots.length];
        }
        for (int s = 0; s < slotCount; s++) {
            if (grown[s] == null) {
                grown[s] = new DMatrixRMaj(1, width);
            }
        }
        slots = grown;
    }
}
