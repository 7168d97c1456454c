package org.lstmrepro.core.learn;

/**
 * Told by a learning rule when the parameters' gradient buffers hold a contribution that may be
 * applied: after each step with an error for a rule that learns online (the 1997 truncated
 * gradient), after each backward window for truncated BPTT, after the sequence for full BPTT. A
 * trainer that updates online applies the update (and zeroes the buffers) here; one that updates per
 * sequence or minibatch ignores it.
 */
@FunctionalInterface
public interface GradientListener {

    GradientListener NONE = t -> { };

    /** @param t the step after which the contribution became available */
    void gradientReady(int t);
}
