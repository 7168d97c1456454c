package org.lstmrepro.core.model;

import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.param.ParameterSet;

/**
 * A recurrent network: maps an input sequence to an output sequence, step by step, with all its
 * weights in one {@link ParameterSet}. Learning rules (which turn errors into gradients) are
 * separate: see {@link org.lstmrepro.core.learn.LearningRule}.
 *
 * <p>Implementations are not thread-safe: one network, one thread.
 */
public interface RecurrentNetwork {

    /** The model id of the interchange spec: {@code original1997}, {@code vanilla}, {@code rnn}, {@code gru}. */
    String modelId();

    int inputSize();

    int outputSize();

    /** Every weight of the network, with its gradient buffer. */
    ParameterSet parameters();

    /** The output units' activation and the loss measured on them. */
    OutputUnits outputUnits();

    /**
     * Runs the sequence forward from the zero state with the current weights; no gradient is
     * computed and no weight changes.
     *
     * @param sequence the inputs, and the targets where the loss is measured
     * @param observer sees the output at every step
     * @return the loss summed over the steps that have a target
     */
    double forward(Sequence sequence, StepObserver observer);

    /**
     * The square blocks of weight matrices that map the previous step's hidden output to a net input (the
     * factors backpropagated error is multiplied by at every step), for the gradient-flow diagnostics;
     * empty when the network declares none.
     */
    default List<RecurrentBlock> recurrentBlocks() {
        return List.of();
    }
}
