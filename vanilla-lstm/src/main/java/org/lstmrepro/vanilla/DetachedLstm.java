package org.lstmrepro.vanilla;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.ParameterSet;

/**
 * {@link VanillaLstm#detached()}: the same network, delegating everything but the backward step,
 * which is the exact backward step of the truncated graph (only c_{t-1} -> c_t carried back).
 */
final class DetachedLstm implements BpttNetwork {

    private final VanillaLstm network;

    DetachedLstm(VanillaLstm network) {
        this.network = network;
    }

    @Override
    public void backwardStep(Trajectory trajectory, int t, double[] outputNetDelta, double[] carry) {
        network.detachedBackwardStep(trajectory, t, outputNetDelta, carry);
    }

    @Override
    public Trajectory newTrajectory(int capacity) {
        return network.newTrajectory(capacity);
    }

    @Override
    public void forwardStep(Trajectory trajectory, int t, double[] input) {
        network.forwardStep(trajectory, t, input);
    }

    @Override
    public double[] output(Trajectory trajectory, int t) {
        return network.output(trajectory, t);
    }

    @Override
    public int carrySize() {
        return network.carrySize();
    }

    @Override
    public String modelId() {
        return network.modelId();
    }

    @Override
    public int inputSize() {
        return network.inputSize();
    }

    @Override
    public int outputSize() {
        return network.outputSize();
    }

    @Override
    public ParameterSet parameters() {
        return network.parameters();
    }

    @Override
    public OutputUnits outputUnits() {
        return network.outputUnits();
    }

    @Override
    public double forward(Sequence sequence, StepObserver observer) {
        return network.forward(sequence, observer);
    }
}
