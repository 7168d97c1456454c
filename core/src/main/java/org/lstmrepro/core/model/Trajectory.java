package org.lstmrepro.core.model;

/**
 * The forward activations a {@link BpttNetwork} keeps so it can run backward: one slot per step,
 * for up to {@link #capacity()} consecutive steps (older steps are overwritten, ring-buffer style,
 * so truncated BPTT needs only a window). Each network has its own implementation; learning rules
 * treat it as opaque. Allocated once and reused for every sequence: no allocation per time step.
 */
public interface Trajectory {

    /** How many consecutive steps the trajectory can hold. */
    int capacity();

    /** Makes room for sequences of up to {@code steps} steps (for full BPTT over a longer sequence). */
    void ensureCapacity(int steps);
}
