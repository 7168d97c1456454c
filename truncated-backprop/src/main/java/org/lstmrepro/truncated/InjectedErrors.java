package org.lstmrepro.truncated;

import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.Trajectory;

/**
 * The output errors of one sequence that a backward pass of {@link FullBptt} or {@link TruncatedBptt}
 * injects: dE/dnet at every step with a target from {@code injectFrom} on, computed from the output
 * held in the trajectory when the pass asks for it, the loss summed in the order the pass visits the
 * steps (last step first). One instance per rule, reused: no allocation per step.
 */
final class InjectedErrors implements BpttNetwork.OutputErrors {

    private final BpttNetwork network;
    private final Trajectory trajectory;
    private final OutputUnits outputUnits;
    private final double[] outputDelta;
    private double[][] targets;
    private int injectFrom;
    private double loss;

    InjectedErrors(BpttNetwork network, Trajectory trajectory) {
        this.network = network;
        this.trajectory = trajectory;
        this.outputUnits = network.outputUnits();
        this.outputDelta = new double[network.outputSize()];
    }

    /** Starts a backward pass that injects the errors of {@code targets} at steps {@code injectFrom} on. */
    InjectedErrors reset(double[][] targets, int injectFrom) {
        this.targets = targets;
        this.injectFrom = injectFrom;
        this.loss = 0;
        return this;
    }

    /** The loss of the errors injected since {@link #reset}. */
    double loss() {
        return loss;
    }

    @Override
    public double[] at(int t) {
        double[] target = t >= injectFrom ? targets[t] : null;
        if (target == null) {
            return null;
        }
        loss += outputUnits.lossAndDelta(network.output(trajectory, t), target, outputDelta);
        return outputDelta;
    }
}
