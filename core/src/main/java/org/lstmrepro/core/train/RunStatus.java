package org.lstmrepro.core.train;

/** How a training run ended. */
public enum RunStatus {
    /** The task's stopping criterion was met. */
    SOLVED,
    /**
     * Trained by epochs: the validation loss did not improve for the patience's number of epochs
     * ({@link EarlyStopping}); the result is the best validation epoch's.
     */
    EARLY_STOPPED,
    /** The sequence budget (or, trained by epochs, the epoch cap) ran out before the criterion was met. */
    BUDGET_EXHAUSTED,
    /** The loss or a weight became NaN or infinite; training stopped there. */
    DIVERGED
}
