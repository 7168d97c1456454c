package org.lstmrepro.truncated;

import java.util.Arrays;
import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.BatchBpttNetwork;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;

/**
 * Full backpropagation through time: the whole sequence forward, then backward from the last step
 * to the first, every path included (Greff et al. 2015, appendix; Graves and Schmidhuber 2005). The
 * exact gradient of the summed loss; memory grows with the sequence length.
 *
 * <p>The network runs the sequence through its whole-sequence methods ({@link BpttNetwork#forwardSteps},
 * {@link BpttNetwork#backwardSteps}), so that it can compute the input projections and the weight
 * gradients of all steps as single matrix products.
 *
 * <p>The gradient becomes available after the whole sequence, so an online trainer updates once per
 * sequence under this rule.
 *
 * <p>A minibatch ({@link #accumulateBatch}) through a {@link BatchBpttNetwork} runs its sequences side by
 * side, with matrix-matrix products over the batch and a sequence that has ended masked out; the
 * gradient is the sum of the per-sequence gradients. Other networks run the batch one by one.
 */
public final class FullBptt implements LearningRule {

    private final BpttNetwork network;
    private final Trajectory trajectory;
    private final double[] carry;
    private final InjectedErrors errors;
    private MaskedBatchBptt batched;

    public FullBptt(BpttNetwork network) {
        this.network = network;
        this.trajectory = network.newTrajectory(128);
        this.carry = new double[network.carrySize()];
        this.errors = new InjectedErrors(network, trajectory);
    }

    @Override
    public String id() {
        return "bptt";
    }

    @Override
    public RecurrentNetwork network() {
        return network;
    }

    @Override
    public double accumulate(Sequence sequence, StepObserver observer, GradientListener listener) {
        int steps = sequence.length();
        trajectory.ensureCapacity(steps);
        network.forwardSteps(trajectory, sequence.inputs(), 0, steps);
        for (int t = 0; t < steps; t++) {
            observer.onStep(t, network.output(trajectory, t));
        }
        Arrays.fill(carry, 0.0);
        network.backwardSteps(trajectory, steps - 1, 0, errors.reset(sequence.targets(), 0), carry);
        listener.gradientReady(steps - 1);
        return errors.loss();
    }

    /**
     * The summed loss and (added to the gradient buffers) the summed gradient of the batch; the
     * observer sees every sequence's outputs, sequence by sequence in batch order.
     */
    @Override
    public double accumulateBatch(List<Sequence> batch, StepObserver observer) {
        if (!(network instanceof BatchBpttNetwork batchNetwork) || batch.size() < 2) {
            return LearningRule.super.accumulateBatch(batch, observer);
        }
        if (batched == null) {
            batched = new MaskedBatchBptt(batchNetwork);
        }
        return batched.accumulate(batch, observer);
    }
}
