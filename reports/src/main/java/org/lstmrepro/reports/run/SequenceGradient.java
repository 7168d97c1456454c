package org.lstmrepro.reports.run;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.RecurrentNetwork;

/**
 * The gradient of one sequence's loss under a learning rule, with the weights held fixed: what the
 * {@code gradient} command writes for an outside tool to compare with.
 *
 * <p>The gradient buffers are zeroed, then the rule runs once over the sequence with
 * {@link GradientListener#NONE}, so nothing applies the contributions a rule announces along the way
 * (the 1997 rule announces one after every step with an error) and they add up: for
 * {@code truncated1997} the sum of the online contributions with fixed weights, for
 * {@code tbptt:K1,K2} the sum over the backward windows, for {@code bptt} the full gradient.
 */
public final class SequenceGradient {

    /**
     * @param loss    the loss summed over the steps with a target
     * @param outputs {@code outputs[t]}: a copy of the network's output at step t
     */
    public record Result(double loss, double[][] outputs) {
    }

    private SequenceGradient() {
    }

    /**
     * Fails unless the sequence fits the network: input vectors of the network's input size and
     * targets of its output size.
     *
     * @param sequenceSource names the sequence in messages (its file)
     */
    public static void requireFits(RecurrentNetwork network, Sequence sequence, String sequenceSource) {
        if (sequence.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException(sequenceSource + ": the input vectors have length " + sequence.inputSize()
                    + ", the " + network.modelId() + " network has " + network.inputSize() + " inputs");
        }
        int targetSize = sequence.targetSize();
        if (targetSize >= 0 && targetSize != network.outputSize()) {
            throw new IllegalArgumentException(sequenceSource + ": the target vectors have length " + targetSize
                    + ", the " + network.modelId() + " network has " + network.outputSize() + " outputs");
        }
    }

    /**
     * Leaves dLoss/dparameter in the parameters' gradient buffers (replacing what was there) and
     * returns the loss and the outputs. No weight changes.
     */
    public static Result compute(LearningRule rule, Sequence sequence) {
        rule.network().parameters().zeroGradients();
        double[][] outputs = new double[sequence.length()][];
        double loss = rule.accumulate(sequence, (t, output) -> outputs[t] = output.clone(), GradientListener.NONE);
        return new Result(loss, outputs);
    }
}
