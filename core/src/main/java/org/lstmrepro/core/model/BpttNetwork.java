package org.lstmrepro.core.model;

import java.util.Optional;

/**
 * A network that can be run one step at a time, keeping what it needs in a {@link Trajectory}, and
 * then backward one step at a time: the contract that full BPTT and truncated BPTT(k1, k2) are built
 * on (module {@code truncated-backprop}).
 *
 * <p>The backward pass carries the gradient of the loss with respect to the recurrent state (for an
 * LSTM: the cell state and the block output) from step {@code t} to step {@code t - 1} in a vector of
 * {@link #carrySize()} numbers whose layout is the network's own.
 */
public interface BpttNetwork extends RecurrentNetwork {

    /** A new trajectory holding up to {@code capacity} consecutive steps. */
    Trajectory newTrajectory(int capacity);

    /**
     * Forward through step {@code t}: reads the state of step {@code t - 1} from the trajectory (the
     * zero state when {@code t == 0}), stores what the backward pass needs in the slot of {@code t},
     * and computes the output.
     */
    void forwardStep(Trajectory trajectory, int t, double[] input);

    /** The output units' activations at step {@code t} (a view into the trajectory; do not modify). */
    double[] output(Trajectory trajectory, int t);

    /** Size of the vector that carries dE/d(recurrent state) between steps. */
    int carrySize();

    /**
     * Backward through step {@code t}, which must still be held in the trajectory.
     *
     * @param outputNetDelta dE/dnet at the output units at step {@code t}, or {@code null} if no error
     *                       is given at that step
     * @param carry          on entry dE/d(state at t) arriving from later steps (zeros at the last
     *                       step of a backward window); on exit dE/d(state at t - 1). Updated in place.
     *                       Gradients of all weights used at step {@code t} are added to the
     *                       parameters' gradient buffers.
     */
    void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry);

    /**
     * Forward through steps {@code from .. to - 1} of one sequence ({@code inputs[t]} at step t): what
     * {@link #forwardStep} does for each of those steps in order. The whole-sequence form lets a network
     * do the time-independent work of all those steps at once (the input projections W x_t as one
     * matrix product before the recurrence, as Greff et al.'s Brainstorm library does); the weights must
     * not change until the call returns. The trajectory must hold {@code to - from} steps.
     */
    default void forwardSteps(Trajectory trajectory, double[][] inputs, int from, int to) {
        for (int t = from; t < to; t++) {
            forwardStep(trajectory, t, inputs[t]);
        }
    }

    /**
     * Backward through steps {@code last} down to {@code first}, which must still be held: what
     * {@link #backwardStep} does for each of them with {@code errors.at(t)} as the output error. A
     * network may add the weight gradients of the whole range at the end, as products of the stored
     * per-step errors and sources (the sum is the same up to rounding).
     */
    default void backwardSteps(Trajectory trajectory, int last, int first, OutputErrors errors, double[] carry) {
        for (int t = last; t >= first; t--) {
            backwardStep(trajectory, t, errors.at(t), carry);
        }
    }

    /** The output errors a backward pass injects, asked for step by step in the order the pass visits them. */
    @FunctionalInterface
    interface OutputErrors {

        /**
         * dE/dnet at the output units at step {@code t} (for a batch: row-major over the rows running at
         * t, zeros where a sequence has no error), or {@code null} when there is none at that step; the
         * array may be reused by the next call.
         */
        double[] at(int t);
    }

    /**
     * Where dE/d(cell state) and dE/d(hidden output) sit in this network's carry, for the gradient-flow
     * diagnostics. The default: the whole carry is dE/d(hidden output), no cell state.
     */
    default CarryLayout carryLayout() {
        return CarryLayout.hiddenOnly(carrySize());
    }

    /** How to read this network's gates and cell states, if it has gates (LSTMs); empty otherwise. */
    default Optional<GateProbe> gateProbe() {
        return Optional.empty();
    }
}
