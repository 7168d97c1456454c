package org.lstmrepro.core.train;

import java.util.List;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.model.RecurrentNetwork;

/**
 * The result of running a network over a test set with fixed weights.
 *
 * @param errors           sequences not processed correctly (some target step failed the criterion)
 * @param size             sequences in the test set
 * @param meanLoss         the loss per sequence (summed over its target steps), averaged
 * @param meanSquaredError squared error per output unit and target step, averaged over the set
 * @param targetSteps      steps with a target in the whole set
 * @param lossPerTarget    the loss summed over every target step of the set, divided by
 *                         {@code targetSteps} (0 when there is none): with binary cross-entropy and
 *                         one target per predicted frame, the negative log-likelihood per frame in
 *                         nats that the polyphonic-music literature reports (frames, not sequences,
 *                         are the denominator)
 */
public record Evaluation(int errors, int size, double meanLoss, double meanSquaredError, long targetSteps,
                         double lossPerTarget) {

    /** Runs every test sequence forward (no gradients, no weight change) and counts the failures. */
    public static Evaluation of(RecurrentNetwork network, List<Sequence> testSet, TargetCriterion criterion) {
        SequenceError perSequence = new SequenceError(criterion);
        int errors = 0;
        double lossSum = 0;
        double mseSum = 0;
        long targetSteps = 0;
        for (Sequence s : testSet) {
            perSequence.reset();
            double[][] targets = s.targets();
            lossSum += network.forward(s, (t, y) -> {
                if (targets[t] != null) {
                    perSequence.add(y, targets[t]);
                }
            });
            if (!perSequence.allCorrect()) {
                errors++;
            }
            mseSum += perSequence.meanSquaredError();
            targetSteps += s.targetSteps();
        }
        int n = testSet.size();
        return new Evaluation(errors, n, n == 0 ? 0 : lossSum / n, n == 0 ? 0 : mseSum / n, targetSteps,
                targetSteps == 0 ? 0 : lossSum / targetSteps);
    }

    /** Fraction of the test set processed correctly. */
    public double accuracy() {
        return size == 0 ? 0 : 1.0 - (double) errors / size;
    }
}
