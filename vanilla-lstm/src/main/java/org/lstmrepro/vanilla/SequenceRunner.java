package org.lstmrepro.vanilla;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.model.Trajectory;

/** The inference loop {@link org.lstmrepro.core.model.RecurrentNetwork#forward} of this module's networks. */
final class SequenceRunner {

    /**
     * Steps run forward at once ({@link BpttNetwork#forwardSteps}: their input projections are one
     * product); the inference trajectory holds that many.
     */
    static final int CHUNK = 64;

    private SequenceRunner() {
    }

    /**
     * Runs {@code sequence} through {@code network} from the zero state using {@code trajectory},
     * which holds at least {@link #CHUNK} steps, in chunks of that many steps.
     *
     * @return the loss summed over the steps with a target
     */
    static double forward(BpttNetwork network, Trajectory trajectory, Sequence sequence, StepObserver observer) {
        if (sequence.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("the sequence has inputs of size " + sequence.inputSize()
                    + ", the network expects " + network.inputSize());
        }
        int targetSize = sequence.targetSize();
        if (targetSize >= 0 && targetSize != network.outputSize()) {
            throw new IllegalArgumentException("the sequence has targets of size " + targetSize
                    + ", the network has " + network.outputSize() + " outputs");
        }
        Loss loss = network.outputUnits().loss();
        double total = 0;
        int steps = sequence.length();
        for (int from = 0; from < steps; from += CHUNK) {
            int to = Math.min(steps, from + CHUNK);
            network.forwardSteps(trajectory, sequence.inputs(), from, to);
            for (int t = from; t < to; t++) {
                double[] y = network.output(trajectory, t);
                observer.onStep(t, y);
                if (sequence.hasTarget(t)) {
                    total += loss.value(y, sequence.targets()[t]);
                }
            }
        }
        return total;
    }
}
