package org.lstmrepro.core.model;

/**
 * Sees the network's output at every step of a sequence as it is computed.
 */
@FunctionalInterface
public interface StepObserver {

    /** Observes nothing. */
    StepObserver NONE = (t, output) -> { };

    /**
     * Called once per step, in order.
     *
     * @param t      the step, from 0
     * @param output the output units' activations at step {@code t}; valid only during the call
     *               (the network reuses the array), copy it to keep it
     */
    void onStep(int t, double[] output);
}
