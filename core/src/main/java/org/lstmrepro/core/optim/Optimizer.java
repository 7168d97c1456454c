package org.lstmrepro.core.optim;

import org.lstmrepro.core.param.ParameterSet;

/**
 * Changes weights against their gradients. Gradients are dLoss/dw as the learning rules leave them
 * in the parameters' buffers; the optimizer does not zero them (the trainer does).
 */
public interface Optimizer {

    /** One update of every parameter from its gradient buffer. */
    void step(ParameterSet parameters);

    /** A short description with the settings, for run summaries, e.g. {@code sgd(lr=0.5)}. */
    String describe();
}
