package org.lstmrepro.core.train;

/**
 * A snapshot of a training run, for progress displays and learning curves.
 *
 * @param sequences        training sequences processed so far
 * @param recentError      mean error of the stopping window (see {@link StoppingRule}); NaN if empty
 * @param recentCorrect    fraction of the window processed correctly
 * @param windowSize       sequences in the window so far
 * @param seconds          wall time since training started
 */
public record TrainingProgress(long sequences, double recentError, double recentCorrect, int windowSize,
                               double seconds) {

    /** Training sequences per second so far. */
    public double sequencesPerSecond() {
        return seconds > 0 ? sequences / seconds : 0;
    }
}
