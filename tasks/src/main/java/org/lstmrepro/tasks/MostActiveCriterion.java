package org.lstmrepro.tasks;

import org.lstmrepro.core.train.TargetCriterion;

/**
 * Correct when the output units of the symbols the target allows (target above 0.5) are all more
 * active than every other output unit: Hochreiter and Schmidhuber 1997, section 5.1 (embedded Reber
 * grammar), "the output unit(s) corresponding to the possible next symbol(s) is(are) always the most
 * active ones". No absolute threshold is involved.
 */
public final class MostActiveCriterion implements TargetCriterion {

    static final MostActiveCriterion INSTANCE = new MostActiveCriterion();

    private MostActiveCriterion() {
    }

    @Override
    public boolean isCorrect(double[] output, double[] target) {
        double minAllowed = Double.POSITIVE_INFINITY;
        double maxOther = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < target.length; k++) {
            if (target[k] > 0.5) {
                minAllowed = Math.min(minAllowed, output[k]);
            } else {
                maxOther = Math.max(maxOther, output[k]);
            }
        }
        return minAllowed > maxOther;
    }

    @Override
    public String toString() {
        return "allowed next symbols are the most active outputs";
    }
}
