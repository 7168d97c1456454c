package org.lstmrepro.original;

import org.lstmrepro.core.model.Trajectory;

/**
 * The per-step activations of a {@link Lstm1997Network}: a ring buffer of slots, one per step. A slot
 * holds the state vector (see {@link Lstm1997Network} for its layout) and the output activations.
 * Growing keeps the steps currently held.
 */
final class Lstm1997Trajectory implements Trajectory {

    private final int stateSize;
    private final int outputSize;
    private double[][] states;
    private double[][] outputs;
    /** The step held by each slot, -1 for none. */
    private int[] stepOfSlot;

    Lstm1997Trajectory(int capacity, int stateSize, int outputSize) {
        if (capacity < 1) {
            throw new IllegalArgumentException("trajectory capacity must be at least 1, was " + capacity);
        }
        this.stateSize = stateSize;
        this.outputSize = outputSize;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        states = new double[capacity][stateSize];
        outputs = new double[capacity][outputSize];
        stepOfSlot = new int[capacity];
        java.util.Arrays.fill(stepOfSlot, -1);
    }

    @Override
    public int capacity() {
        return states.length;
    }

    @Override
    public void ensureCapacity(int steps) {
        int old = states.length;
        if (steps <= old) {
            return;
        }
        double[][] oldStates = states;
        double[][] oldOutputs = outputs;
        int[] oldSteps = stepOfSlot;
        allocate(Math.max(steps, 2 * old));
        int capacity = states.length;
        for (int i = 0; i < old; i++) {
            int step = oldSteps[i];
            if (step >= 0) {
                // the held steps are consecutive and fewer than the new capacity: no two collide
                states[step % capacity] = oldStates[i];
                outputs[step % capacity] = oldOutputs[i];
                stepOfSlot[step % capacity] = step;
            }
        }
    }

    int stateSize() {
        return stateSize;
    }

    int outputSize() {
        return outputSize;
    }

    /** Claims the slot of step t for writing (evicting the step it held) and returns its state array. */
    double[] claim(int t) {
        int slot = t % states.length;
        stepOfSlot[slot] = t;
        return states[slot];
    }

    /** The state of step t, which must be held. */
    double[] state(int t) {
        return states[checkedSlot(t)];
    }

    /** The outputs of step t, which must be held. */
    double[] output(int t) {
        return outputs[checkedSlot(t)];
    }

    private int checkedSlot(int t) {
        int slot = t % states.length;
        if (t < 0 || stepOfSlot[slot] != t) {
            throw new IllegalStateException("step " + t + " is not held in the trajectory (capacity "
                    + states.length + ")");
        }
        return slot;
    }
}
