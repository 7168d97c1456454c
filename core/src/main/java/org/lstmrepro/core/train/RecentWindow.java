package org.lstmrepro.core.train;

/**
 * The most recent {@code capacity} training sequences: how many were processed correctly and their
 * mean error. A ring buffer with running sums, O(1) per sequence.
 */
public final class RecentWindow {

    private final boolean[] correct;
    private final double[] error;
    private int next;
    private int size;
    private int correctCount;
    private double errorSum;

    public RecentWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, was " + capacity);
        }
        correct = new boolean[capacity];
        error = new double[capacity];
    }

    public void add(boolean wasCorrect, double sequenceError) {
        if (size == correct.length) {
            if (correct[next]) {
                correctCount--;
            }
            errorSum -= error[next];
        } else {
            size++;
        }
        correct[next] = wasCorrect;
        error[next] = sequenceError;
        if (wasCorrect) {
            correctCount++;
        }
        errorSum += sequenceError;
        next++;
        if (next == correct.length) {
            next = 0;
            // Recompute the sum once per cycle so rounding errors of the running sum cannot build up.
            double s = 0;
            for (double e : error) {
                s += e;
            }
            errorSum = s;
        }
    }

    public boolean isFull() {
        return size == correct.length;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return correct.length;
    }

    /** Sequences in the window processed correctly. */
    public int correctCount() {
        return correctCount;
    }

    /** Fraction of the window processed correctly; 0 when empty. */
    public double fractionCorrect() {
        return size == 0 ? 0 : (double) correctCount / size;
    }

    /** Mean of the sequences' errors in the window; NaN when empty. */
    public double meanError() {
        return size == 0 ? Double.NaN : errorSum / size;
    }

    /**
     * The stopping rule: window full, at most {@link StoppingRule#maxWrong()} sequences in it wrong
     * (none, in the paper's usual rule), mean error below the threshold.
     */
    public boolean meets(StoppingRule rule) {
        return isFull() && size - correctCount <= rule.maxWrong() && meanError() < rule.maxAverageError();
    }
}
