package org.lstmrepro.vanilla;

import java.util.ArrayList;
import java.util.List;

/**
 * The ring buffer behind the trajectories of this module's networks: a set of {@link StepSeries}
 * that share one slot numbering, step t in slot {@code t mod slots}, each slot holding up to B rows
 * (the sequences of a batch; B = 1 for one sequence).
 *
 * <p>A store of capacity C keeps C + 1 slots: the C steps a backward pass may visit, plus the step
 * before the oldest of them, whose state that oldest step reads. Steps must run forward in order
 * from 0; step 0 starts a new sequence. {@link #ensureCapacity(int)} grows the ring (at least
 * doubling, so growth is amortised) and keeps the steps already held.
 *
 * <p>The number of rows computed at step t, {@link #active(int)}, may shrink from one step to the next
 * (sequences of a batch end, longest last) but never grow; it is kept as the row count of the slots.
 */
final class StepStore {

    private final List<StepSeries> series = new ArrayList<>();
    private final int rows;
    private int capacity;
    private int latest = -1;

    StepStore(int capacity, int rows) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a trajectory must hold at least 1 step, asked for " + capacity);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("a batch trajectory must hold at least 1 sequence, asked for " + rows);
        }
        this.capacity = capacity;
        this.rows = rows;
    }

    /** A new quantity of {@code width} numbers per step and row. */
    StepSeries series(int width) {
        StepSeries s = new StepSeries(width, rows, capacity + 1);
        series.add(s);
        return s;
    }

    /** B, the most rows a step can hold. */
    int rows() {
        return rows;
    }

    /** The number of rows computed at step {@code t} (held). */
    int active(int t) {
        return series.get(0).at(t).numRows;
    }

    int capacity() {
        return capacity;
    }

    void ensureCapacity(int steps) {
        if (steps <= capacity) {
            return;
        }
        int grown = Math.max(steps, 2 * capacity);
        for (StepSeries s : series) {
            s.grow(grown + 1, latest - capacity, latest);
        }
        capacity = grown;
    }

    /**
     * Records that step {@code t} is being computed for {@code active} rows; it must follow the latest
     * step, or be 0, and have no more rows than the step before it.
     */
    void beginForward(int t, int active) {
        if (t != 0 && t != latest + 1) {
            throw new IllegalArgumentException("forward step " + t + " must follow step " + (t - 1)
                    + ", but the latest step computed is " + latest + " (steps run in order from 0)");
        }
        if (active < 1 || active > rows) {
            throw new IllegalArgumentException("step " + t + ": " + active + " sequences asked for, the trajectory holds 1 to "
                    + rows);
        }
        if (t > 0 && active > active(t - 1)) {
            throw new IllegalArgumentException("step " + t + ": " + active + " sequences, but only " + active(t - 1)
                    + " ran at step " + (t - 1) + " (order a batch longest first)");
        }
        latest = t;
        for (int k = 0; k < series.size(); k++) { // indexed: no iterator per step
            series.get(k).setRows(t, active);
        }
    }

    /** Checks that step {@code t} can be read: computed, and not yet overwritten. */
    void checkHeld(int t) {
        if (t < 0 || t > latest || t < latest - capacity) {
            throw new IllegalArgumentException("step " + t + " is not held: the trajectory holds steps "
                    + Math.max(0, latest - capacity) + " to " + latest + " (capacity " + capacity + ")");
        }
    }

    /** Checks that step {@code t} and the state before it are still held. */
    void checkBackward(int t) {
        int oldest = Math.max(0, latest - capacity + 1);
        if (t < oldest || t > latest) {
            throw new IllegalArgumentException("backward step " + t + " is not held: the trajectory holds steps "
                    + oldest + " to " + latest + " (capacity " + capacity + ")");
        }
    }
}
