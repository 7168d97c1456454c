package org.lstmrepro.original;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.StepObserver;

/**
 * Test oracle for the 1997 truncated gradient, shared with other modules' tests through this module's
 * test jar (the networks keep it out of their public API): the forward pass of the detached graph, in
 * which the hidden layer reads recorded previous-step activations held constant (docs/models.md, M9-M11).
 * Its finite differences are the gradient the 1997 rule computes with the weights held fixed.
 */
public final class DetachedGraph {

    private DetachedGraph() {
    }

    /** The activations the hidden layer reads at every step, at the current weights: the constants. */
    public static double[][] record(Lstm1997Network network, Sequence sequence) {
        return network.recordRecurrentSources(sequence);
    }

    /** The loss of the forward pass with the recorded sources held constant. */
    public static double loss(Lstm1997Network network, Sequence sequence, double[][] recorded) {
        return network.forwardWithConstantSources(sequence, recorded, StepObserver.NONE);
    }
}
