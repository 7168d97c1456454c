package org.lstmrepro.core.train;

/**
 * The 1997 paper's stopping criterion: training stops when the {@code window} most recent training
 * sequences were all processed correctly and their average training error is below
 * {@code maxAverageError}.
 *
 * <p>The paper does not define "average training error" precisely; we use the mean squared error
 * per output unit and target step, {@code mean_k (y_k - d_k)^2}, averaged over the sequences of the
 * window (see {@link SequenceError}).
 *
 * @param maxAverageError threshold on the average training error over the window
 * @param window          how many of the most recent sequences must all be correct
 */
public record StoppingRule(double maxAverageError, int window) {

    public StoppingRule {
        if (!(maxAverageError > 0) || Double.isInfinite(maxAverageError)) {
            throw new IllegalArgumentException("the stopping error threshold must be positive and finite, was " + maxAverageError);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the stopping window must be at least 1 sequence, was " + window);
        }
    }
}
