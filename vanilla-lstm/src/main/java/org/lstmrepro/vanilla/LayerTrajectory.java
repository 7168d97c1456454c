package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.lstmrepro.core.model.Trajectory;

/**
 * What every network of this module keeps per step for up to B sequences side by side, in a
 * {@link StepStore} ring: the inputs x_t, the layer's output h_t (the block outputs y_t of the LSTM)
 * and the output units; the buffers of the whole-sequence products ({@link SequenceBuffers}); and
 * the scratch its output layer needs. A network's own trajectory adds its quantities. Allocated once;
 * no allocation per step.
 */
abstract class LayerTrajectory implements Trajectory {

    final LayerNetwork<?> owner;
    final StepStore store;
    final StepSeries x;     // x_t            [I]
    final StepSeries h;     // h_t (LSTM: y_t) [H]
    final StepSeries out;   // output units   [K]
    final SequenceBuffers sequence;
    final DMatrixRMaj outputDelta;   // dE/dnet of the output units  [B, K]
    private final DMatrixRMaj zeroH;  // h_{-1} = 0

    LayerTrajectory(LayerNetwork<?> owner, int rows, int capacity, int projectionWidth) {
        this.owner = owner;
        this.store = new StepStore(capacity, rows);
        int nH = owner.hiddenSize();
        this.x = store.series(owner.inputSize());
        this.h = store.series(nH);
        this.out = store.series(owner.outputSize());
        this.sequence = new SequenceBuffers(owner.inputSize(), nH, projectionWidth);
        this.outputDelta = new DMatrixRMaj(rows, owner.outputSize());
        this.zeroH = new DMatrixRMaj(rows, nH);
    }

    /** h_{-1} = 0 (c_{-1} = 0 too), with the rows of step t. */
    DMatrixRMaj zeroState(int t) {
        return RowOps.rows(zeroH, store.active(t));
    }

    /** h_{t-1} for the rows of step t. */
    DMatrixRMaj hPrev(int t) {
        return t == 0 ? zeroState(t) : h.firstRows(t - 1, store.active(t));
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
