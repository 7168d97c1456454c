package org.lstmrepro.truncated;

import java.util.Arrays;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;

/**
 * <em>Truncated BPTT(k1, k2)</em> over windows, the BPTT(h; h') of Williams and Peng (1990) (what DL4J
 * calls tBPTT and PyTorch users build with {@code detach}); not to be confused with the 1997 truncated
 * gradient ({@link TruncatedGradient1997}), which cuts paths instead of windows.
 *
 * <p>The sequence runs forward from the zero state as usual. After every {@code k1} steps (after steps
 * {@code k1 - 1, 2 k1 - 1, ...}) and after the last step, the rule backpropagates from that step
 * {@code t} over the last {@code k2} steps, {@code t - k2 + 1 .. t} (fewer at the start of the
 * sequence), with every path inside the window, starting from a zero carry: errors from steps before
 * the window start are not propagated further back. Output errors are injected only at the steps that
 * are new since the previous window (the last {@code k1} steps, or the remainder at the sequence end),
 * so every error is used exactly once; {@code k2 > k1} lets it travel back further than {@code k1}
 * steps. After each window that holds at least one error the rule calls
 * {@link GradientListener#gradientReady(int)} with the window's last step (a window without errors
 * adds nothing and is skipped). A trainer that updates there changes the weights the later forward
 * steps use; the overlap of the next window is then backpropagated with the new weights over the
 * activations computed with the old ones, as is usual for online truncated BPTT.
 *
 * <p>The steps between two windows run forward as one chunk ({@link BpttNetwork#forwardSteps}: the
 * weights do not change inside it) and each window backward as one range
 * ({@link BpttNetwork#backwardSteps}), so that the network can compute input projections and weight
 * gradients as matrix products over a chunk or a window.
 *
 * <p>With {@code k1 = k2 >= T} this is full BPTT ({@link FullBptt}), to the last bit. Memory: a
 * trajectory of {@code min(k2, T) + 1} steps, independent of the sequence length for a fixed {@code k2}.
 */
public final class TruncatedBptt implements LearningRule {

    private final BpttNetwork network;
    private final int k1;
    private final int k2;
    private final Trajectory trajectory;
    private final double[] carry;
    private final InjectedErrors errors;

    /**
     * @param network the network
     * @param k1      steps between backward passes, at least 1
     * @param k2      depth of each backward pass in steps, at least {@code k1}
     */
    public TruncatedBptt(BpttNetwork network, int k1, int k2) {
        if (k1 < 1) {
            throw new IllegalArgumentException("truncated BPTT: k1 (steps between backward passes) must be at least 1, was " + k1);
        }
        if (k2 < k1) {
            throw new IllegalArgumentException("truncated BPTT: k2 (backward depth) must be at least k1 = " + k1 + ", was " + k2);
        }
        this.network = network;
        this.k1 = k1;
        this.k2 = k2;
        this.trajectory = network.newTrajectory(windowCapacity(k2, 128));
        this.carry = new double[network.carrySize()];
        this.errors = new InjectedErrors(network, trajectory);
    }

    @Override
    public String id() {
        return "tbptt";
    }

    public int k1() {
        return k1;
    }

    public int k2() {
        return k2;
    }

    @Override
    public RecurrentNetwork network() {
        return network;
    }

    @Override
    public double accumulate(Sequence sequence, StepObserver observer, GradientListener listener) {
        double[][] inputs = sequence.inputs();
        double[][] targets = sequence.targets();
        int steps = inputs.length;
        trajectory.ensureCapacity(windowCapacity(k2, steps));
        double loss = 0;
        int injectFrom = 0;
        for (int t = 0; t < steps; t++) {
            if ((t + 1) % k1 == 0 || t == steps - 1) {
                // the steps since the last window, at the weights of the last update: one forward chunk
                network.forwardSteps(trajectory, inputs, injectFrom, t + 1);
                for (int s = injectFrom; s <= t; s++) {
                    observer.onStep(s, network.output(trajectory, s));
                }
                if (hasTarget(targets, injectFrom, t)) {
                    loss += backwardWindow(targets, injectFrom, t);
                    listener.gradientReady(t);
                }
                injectFrom = t + 1;
            }
        }
        return loss;
    }

    /**
     * Steps the trajectory must hold: the window (at most the sequence) and one more for networks whose
     * backward step reads step {@code t - 1}.
     */
    private static int windowCapacity(int k2, int steps) {
        return Math.min(k2, steps) + 1;
    }

    private static boolean hasTarget(double[][] targets, int from, int to) {
        for (int t = from; t <= to; t++) {
            if (targets[t] != null) {
                return true;
            }
        }
        return false;
    }

    /** Backward from {@code end} over k2 steps, injecting errors at steps {@code injectFrom .. end}. */
    private double backwardWindow(double[][] targets, int injectFrom, int end) {
        Arrays.fill(carry, 0.0);
        int start = Math.max(0, end - k2 + 1);
        network.backwardSteps(trajectory, end, start, errors.reset(targets, injectFrom), carry);
        return errors.loss();
    }
}
