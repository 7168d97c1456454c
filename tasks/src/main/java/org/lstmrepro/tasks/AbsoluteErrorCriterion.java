package org.lstmrepro.tasks;

import org.lstmrepro.core.train.TargetCriterion;

/**
 * Correct when every output unit's absolute error is below {@code tolerance}: the criterion of the
 * 1997 adding problem (0.04, Experiment 4) and temporal-order tasks (0.3, Experiment 6), Hochreiter
 * and Schmidhuber 1997, sections 5.4 and 5.6.
 *
 * @param tolerance the bound on {@code |y_k - d_k|} (strict)
 */
public record AbsoluteErrorCriterion(double tolerance) implements TargetCriterion {

    public AbsoluteErrorCriterion {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the error tolerance must be positive and finite, was " + tolerance);
        }
    }

    @Override
    public boolean isCorrect(double[] output, double[] target) {
        for (int k = 0; k < target.length; k++) {
            if (!(Math.abs(output[k] - target[k]) < tolerance)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "|y - d| < " + tolerance + " for every output";
    }
}
