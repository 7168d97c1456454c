package org.lstmrepro.vanilla;

import java.util.ArrayList;
import java.util.List;

/**
 * The ring buffer behind the trajectories of this module's networks: a set of {@link StepSeries}
 * that share one slot numbering, step t in slot {@code t mod slots}.
 *
 * <p>A store of capacity C keeps C + 1 slots: the C steps a backward pass may visit, plus the step
 * before the oldest of them, whose state that oldest step reads. Steps must run forward in order
 * from 0; step 0 starts a new sequence. {@link #ensureCapacity(int)} grows the ring (at least
 * doubling, so growth is amortised) and keeps the steps already held.
 */
final class StepStore {

    private final List<StepSeries> series = new ArrayList<>();
    private int capacity;
    private int latest = -1;

    StepStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a trajectory must hold at least 1 step, asked for " + capacity);
        }
        this.capacity = capacity;
    }

    /** A new quantity of {@code width} numbers per step. */
    StepSeries series(int width) {
        StepSeries s = new StepSeries(width, capacity + 1);
        series.add(s);
        return s;
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

    /** Records that step {@code t} is being computed; it must follow the latest step, or be 0. */
    void beginForward(int t) {
        if (t != 0 && t != latest + 1) {
            throw new IllegalArgumentException("forward step " + t + " must follow step " + (t - 1)
                    + ", but the latest step computed is " + latest + " (steps run in order from 0)");
        }
        latest = t;
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
