package org.lstmrepro.core.train;

/** How a training run ended. */
public enum RunStatus {
    /** The task's stopping criterion was met. */
    SOLVED,
    /** The sequence budget ran out before the criterion was met. */
    BUDGET_EXHAUSTED,
    /** The loss or a weight became NaN or infinite; training stopped there. */
    DIVERGED
}
