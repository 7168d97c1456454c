package org.lstmrepro.core.train;

/**
 * Accumulates, over the target steps of one sequence, what the 1997 stopping criteria look at:
 * whether every target step was correct, and the mean squared (or absolute) error per output unit and
 * target step, {@code mean (y_k - d_k)^2} (or {@code mean |y_k - d_k|}).
 *
 * <p>Reused across sequences: {@link #reset()} before each.
 */
public final class SequenceError {

    private final TargetCriterion criterion;
    /** An output within this of 0 or 1 counts as pinned (a logistic or softmax unit in deep saturation). */
    static final double PINNED = 1e-9;

    private boolean allCorrect;
    private boolean allPinned;
    private double sumSquares;
    private double sumAbsolute;
    private long count;

    public SequenceError(TargetCriterion criterion) {
        this.criterion = criterion;
        reset();
    }

    public void reset() {
        allCorrect = true;
        allPinned = true;
        sumSquares = 0;
        sumAbsolute = 0;
        count = 0;
    }

    /** Records the output at one step that has a target. */
    public void add(double[] output, double[] target) {
        if (!criterion.isCorrect(output, target)) {
            allCorrect = false;
        }
        for (int k = 0; k < target.length; k++) {
            double d = output[k] - target[k];
            sumSquares += d * d;
            sumAbsolute += Math.abs(d);
            double y = output[k];
            if (!(y >= 0 && y <= PINNED || y <= 1 && y >= 1 - PINNED)) {
                allPinned = false;
            }
        }
        count += target.length;
    }

    /** True when every target step so far was correct (vacuously true with no target). */
    public boolean allCorrect() {
        return allCorrect;
    }

    /**
     * True when every output at every target step so far was pinned: within {@value #PINNED} of 0 or 1
     * (saturated logistic or softmax units, whose error signal through f' is then ~0).
     */
    public boolean allPinned() {
        return allPinned;
    }

    /** Mean squared error per output unit and target step; 0 with no target. */
    public double meanSquaredError() {
        return count == 0 ? 0 : sumSquares / count;
    }

    /** Mean absolute error per output unit and target step; 0 with no target. */
    public double meanAbsoluteError() {
        return count == 0 ? 0 : sumAbsolute / count;
    }
}
