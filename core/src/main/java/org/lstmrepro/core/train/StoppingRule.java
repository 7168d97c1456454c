package org.lstmrepro.core.train;

/**
 * A 1997-style stopping criterion over the {@code window} most recent training sequences: training
 * stops when at most {@code maxWrong} of them were processed wrongly and their average training error
 * ({@code measure}) is below {@code maxAverageError}.
 *
 * <p>The paper's usual rule (Hochreiter and Schmidhuber 1997, sections 5.4 and 5.6) is
 * {@code maxWrong = 0}: "the 2000 most recent sequences were processed correctly" and the average
 * training error below a threshold. Experiment 5 (multiplication, section 5.5) allows fewer than
 * n_seq wrong sequences ({@code maxWrong = n_seq - 1}) and states no average-error condition.
 *
 * <p>The paper does not define "average training error" precisely; by default we use the mean
 * squared error per output unit and target step, {@code mean_k (y_k - d_k)^2}, averaged over the
 * sequences of the window (see {@link SequenceError}); {@link ErrorMeasure#ABSOLUTE} averages
 * {@code |y_k - d_k|} instead.
 *
 * @param maxAverageError threshold on the average training error over the window (strict)
 * @param window          how many of the most recent sequences are looked at
 * @param maxWrong        how many of them may have been processed wrongly, in [0, window]
 * @param measure         which error is averaged
 */
public record StoppingRule(double maxAverageError, int window, int maxWrong, ErrorMeasure measure) {

    /** The error a window averages: per output unit and target step, then over the window's sequences. */
    public enum ErrorMeasure {
        /** {@code (y_k - d_k)^2}, the default. */
        SQUARED,
        /** {@code |y_k - d_k|}. */
        ABSOLUTE
    }

    /** Threshold meaning "no condition on the average error". */
    public static final double NO_ERROR_CONDITION = Double.MAX_VALUE;

    public StoppingRule {
        if (!(maxAverageError > 0) || Double.isInfinite(maxAverageError)) {
            throw new IllegalArgumentException("the stopping error threshold must be positive and finite, was " + maxAverageError);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the stopping window must be at least 1 sequence, was " + window);
        }
        if (maxWrong < 0 || maxWrong > window) {
            throw new IllegalArgumentException("the wrong sequences a stopping window of " + window
                    + " may hold must be from 0 to " + window + ", was " + maxWrong);
        }
        if (measure == null) {
            throw new IllegalArgumentException("the stopping rule needs an error measure");
        }
    }

    /** The paper's usual rule: every sequence of the window correct, mean squared error below the threshold. */
    public StoppingRule(double maxAverageError, int window) {
        this(maxAverageError, window, 0, ErrorMeasure.SQUARED);
    }

    /** The same rule with another threshold on the average error. */
    public StoppingRule withMaxAverageError(double threshold) {
        return new StoppingRule(threshold, window, maxWrong, measure);
    }

    /**
     * The same rule over another window. The allowed wrong sequences stay as they are (so they must fit
     * the new window), except for a rule that allows a whole window wrong (no condition on correctness),
     * which still does.
     */
    public StoppingRule withWindow(int size) {
        return new StoppingRule(maxAverageError, size, maxWrong == window ? size : maxWrong, measure);
    }

    /** True for the paper's usual rule: no wrong sequence allowed, squared error. */
    public boolean isStrict() {
        return maxWrong == 0 && measure == ErrorMeasure.SQUARED;
    }

    /** The error of one sequence that this rule averages. */
    public double errorOf(SequenceError e) {
        return measure == ErrorMeasure.ABSOLUTE ? e.meanAbsoluteError() : e.meanSquaredError();
    }
}
