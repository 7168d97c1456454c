package org.lstmrepro.core.learn;

import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;

/**
 * A learning rule: runs a sequence through its network and turns the errors into gradients of the
 * loss with respect to the network's parameters. Full BPTT, truncated BPTT(k1, k2) and the 1997
 * truncated gradient are learning rules; the network is the same whichever rule trains it.
 *
 * <p>Gradients are <em>added</em> to the parameters' gradient buffers (callers zero them). The
 * gradient is dLoss/dw, so an optimizer steps against it.
 */
public interface LearningRule {

    /** {@code bptt}, {@code tbptt}, {@code truncated1997}. */
    String id();

    /** The network this rule computes gradients for. */
    RecurrentNetwork network();

    /**
     * Processes one sequence from the zero state.
     *
     * @param sequence the inputs and targets
     * @param observer sees the output of every step
     * @param listener told whenever the gradient buffers hold a contribution that may be applied
     * @return the loss summed over the steps with a target (with the weights as they were when each
     *         step was computed)
     */
    double accumulate(Sequence sequence, StepObserver observer, GradientListener listener);

    /**
     * Processes a minibatch: the sum of the per-sequence gradients. Rules with batched kernels
     * override this; the default runs the sequences one by one.
     *
     * <p>The observer sees the outputs exactly as the default would show them: the batch's sequences
     * in order, each from step 0 to its last step (so a call with {@code t == 0} starts the next
     * sequence).
     *
     * @return the summed loss
     */
    default double accumulateBatch(List<Sequence> batch, StepObserver observer) {
        double loss = 0;
        for (Sequence s : batch) {
            loss += accumulate(s, observer, GradientListener.NONE);
        }
        return loss;
    }
}
