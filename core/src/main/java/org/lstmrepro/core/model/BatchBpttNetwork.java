package org.lstmrepro.core.model;

/**
 * A {@link BpttNetwork} that can also run a minibatch of B sequences side by side: every per-step
 * quantity is a [B, width] matrix, so the weight products become matrix-matrix products. The
 * single-sequence methods of {@link BpttNetwork} behave as a batch of one.
 *
 * <p><b>Masking.</b> Sequences may have different lengths. The caller orders them longest first, so
 * that the sequences still running at step {@code t} are rows {@code 0 .. active(t) - 1}; the rows
 * from {@code active(t)} on belong to sequences that have ended, are not computed and contribute
 * nothing. {@code active(t)} never grows with {@code t}.
 *
 * <p><b>Layout.</b> Every batched vector is row-major: row {@code b} of width {@code w} at
 * {@code b * w}. Gradients of all rows are summed into the parameters' gradient buffers, so the
 * batch's gradient is the sum of the per-sequence gradients.
 */
public interface BatchBpttNetwork extends BpttNetwork {

    /** A trajectory for up to {@code batchSize} sequences side by side, {@code capacity} steps each. */
    Trajectory newBatchTrajectory(int batchSize, int capacity);

    /**
     * Forward through step {@code t} for rows {@code 0 .. active - 1}, each as
     * {@link #forwardStep} would compute it for its own sequence.
     *
     * @param inputs row-major {@code [active, inputSize()]}; values beyond are ignored
     * @param active the number of sequences still running at step {@code t}: at least 1, at most the
     *               batch size, and at most the number running at step {@code t - 1}
     */
    void forwardBatchStep(Trajectory trajectory, int t, double[] inputs, int active);

    /**
     * The output units' activations at step {@code t}, row-major: row {@code b < active(t)} at
     * {@code b * outputSize()} (a view into the trajectory; rows from {@code active(t)} on are stale).
     */
    double[] batchOutput(Trajectory trajectory, int t);

    /**
     * Backward through step {@code t} for rows {@code 0 .. active(t) - 1}, each as
     * {@link #backwardStep} would do it for its own sequence, the weight gradients summed over rows.
     *
     * @param outputNetDelta row-major {@code [active(t), outputSize()]} dE/dnet at the output units
     *                       (zeros in the row of a sequence without error at step {@code t}), or
     *                       {@code null} if no sequence has an error at step {@code t}
     * @param carry          row-major {@code [batchSize, carrySize()]}: on entry row {@code b} holds
     *                       dE/d(state at t) of sequence {@code b}, on exit dE/d(state at t - 1).
     *                       Rows from {@code active(t)} on are not touched, so a sequence whose last
     *                       step is {@code t - 1} finds there the zeros its backward pass starts with.
     */
    void backwardBatchStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry);

    /**
     * Forward through steps {@code from .. to - 1} of a batch: what {@link #forwardBatchStep} does with
     * {@code stepInputs[t]} and {@code active[t]} for each of those steps in order (see
     * {@link #forwardSteps}: the weights must not change until the call returns).
     */
    default void forwardBatchSteps(Trajectory trajectory, double[][] stepInputs, int[] active, int from, int to) {
        for (int t = from; t < to; t++) {
            forwardBatchStep(trajectory, t, stepInputs[t], active[t]);
        }
    }

    /**
     * Backward through steps {@code last} down to {@code first} of a batch: what
     * {@link #backwardBatchStep} does for each of them with {@code errors.at(t)} (row-major over the
     * rows running at t, or {@code null}); the weight gradients may be added at the end (see
     * {@link #backwardSteps}).
     */
    default void backwardBatchSteps(Trajectory trajectory, int last, int first, OutputErrors errors, double[] carry) {
        for (int t = last; t >= first; t--) {
            backwardBatchStep(trajectory, t, errors.at(t), carry);
        }
    }
}
