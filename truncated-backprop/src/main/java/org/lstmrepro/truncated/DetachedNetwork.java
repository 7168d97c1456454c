package org.lstmrepro.truncated;

import org.lstmrepro.core.model.RecurrentBlock;
import org.lstmrepro.core.model.GateProbe;
import org.lstmrepro.core.model.CarryLayout;
import java.util.Optional;
import java.util.List;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;
import org.lstmrepro.core.param.ParameterSet;

/**
 * {@link CecNetwork#detached()}: the same network (same parameters, same forward pass), delegating
 * everything but the backward step, which is {@link CecNetwork#detachedBackwardStep}: the exact
 * backward step of the graph the 1997 truncated gradient differentiates (Hochreiter and Schmidhuber
 * 1997, appendix A), in which error flows back in time only along the carousel.
 */
final class DetachedNetwork implements BpttNetwork {

    private final CecNetwork network;

    DetachedNetwork(CecNetwork network) {
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
    public CarryLayout carryLayout() {
        return network.carryLayout();
    }

    @Override
    public Optional<GateProbe> gateProbe() {
        return network.gateProbe();
    }

    @Override
    public List<RecurrentBlock> recurrentBlocks() {
        return network.recurrentBlocks();
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
