package org.lstmrepro.core.train;

import java.util.List;

/**
 * How a training run ended and what it achieved.
 *
 * @param status            solved, budget exhausted, or diverged
 * @param sequences         training sequences processed until the stop (for a solved run: until the
 *                          stopping criterion was met, the paper's "sequences until criterion")
 * @param divergence        what went non-finite and where, or {@code null} if the run did not diverge
 * @param test              the evaluation on the test set after training, or {@code null} if the run
 *                          diverged (its weights are not finite) and has no best epoch to fall back on
 * @param finalProgress     the last snapshot (window error and accuracy at the stop)
 * @param learningCurve     snapshots taken every so many sequences during training
 * @param seconds           wall time of training and evaluation
 * @param epochs            for a run trained by epochs: every epoch's validation loss and the best
 *                          epoch (whose weights {@code test} used); null for a run on a stream
 * @param plateauEnd        the first training sequence after which the stopping window was full and at
 *                          least half of it correct ({@link #PLATEAU_FRACTION}): where a long-lag run
 *                          leaves its "predict the mean" plateau; -1 if it never did
 * @param probeNames        the names of the {@link CurveProbe} columns (empty without a probe)
 * @param probeCurve        one row of probe values per learning-curve sample, aligned with
 *                          {@code learningCurve}
 * @param saturated         whether the run ended unsolved with every output pinned at 0 or 1 (within 1e-9)
 *                          at every target step of the whole stopping window: the outputs' error signal
 *                          vanished (e.g. a learning rate far too large for logistic outputs), so its test
 *                          error is that of a constant output, not of a model that learnt and failed
 */
public record TrainingResult(RunStatus status, long sequences, Divergence divergence, Evaluation test,
                             TrainingProgress finalProgress, List<TrainingProgress> learningCurve,
                             double seconds, EpochSummary epochs, long plateauEnd, List<String> probeNames,
                             List<double[]> probeCurve, boolean saturated) {

    /** The fraction of the stopping window that must be correct for the plateau to count as left. */
    public static final double PLATEAU_FRACTION = 0.5;

    /**
     * Where a run diverged.
     *
     * @param sequence the 1-based training sequence during which it happened
     * @param step     the time step within that sequence (0-based), or -1 if detected after the sequence
     * @param what     what became non-finite, e.g. "loss is NaN" or "weights are not finite after the update"
     */
    public record Divergence(long sequence, int step, String what) {

        @Override
        public String toString() {
            return what + " at training sequence " + sequence + (step >= 0 ? ", step " + step : "");
        }
    }
}
