package org.lstmrepro.tasks;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.TargetCriterion;
import org.lstmrepro.tasks.AddingTask.FirstPairRule;

/**
 * What the adding problem (Experiment 4, section 5.4) and the multiplication problem (Experiment 5,
 * section 5.5) of Hochreiter and Schmidhuber 1997 share: the marker layout, the lengths, the draws, one
 * logistic output with squared error, correct below an absolute error of 0.04, 2560 test sequences.
 * They differ in the range of the values, the neutral element a marked first pair takes, how the two
 * marked values make the target, and the stopping rule. The reading of the layout is documented in
 * {@link AddingTask}.
 *
 * <p>Draws from the stream, in this order: the length L; X1's pair; X2's pair; the L values.
 */
abstract sealed class MarkedPairTask extends PaperTask permits AddingTask, MultiplicationTask {

    private static final TargetCriterion CRITERION = new AbsoluteErrorCriterion(AddingTask.TOLERANCE);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);

    private final int minLength;
    private final FirstPairRule firstPair;
    private final double low;
    private final double high;
    private final double neutral;
    private final DoubleBinaryOperator target;

    /**
     * @param id        the task's id, for messages
     * @param minLength the minimal sequence length T, in [{@value AddingTask#MIN_LENGTH}, {@value AddingTask#MAX_LENGTH}]
     * @param firstPair what a marked first pair holds
     * @param low       values are uniform in [low, high)
     * @param high      see {@code low}
     * @param neutral   the value a marked first pair takes under {@link FirstPairRule#ZERO} and
     *                  {@link FirstPairRule#ZERO_X1} (0 for a sum, 1 for a product)
     * @param target    the target at the last step from the two marked values (X1, X2)
     * @param stopping  the task's stopping rule
     */
    MarkedPairTask(String id, int minLength, FirstPairRule firstPair, double low, double high, double neutral,
                   DoubleBinaryOperator target, StoppingRule stopping) {
        super(2, 1, OUTPUT_UNITS, CRITERION, stopping, TEST_SET_1997);
        if (minLength < AddingTask.MIN_LENGTH || minLength > AddingTask.MAX_LENGTH) {
            throw new IllegalArgumentException("task " + id + ": length must be an integer from " + AddingTask.MIN_LENGTH
                    + " to " + AddingTask.MAX_LENGTH + ", was " + minLength);
        }
        this.minLength = minLength;
        this.firstPair = Objects.requireNonNull(firstPair, "firstPair");
        this.low = low;
        this.high = high;
        this.neutral = neutral;
        this.target = target;
    }

    /** The minimal sequence length T. */
    public int minLength() {
        return minLength;
    }

    /** The longest sequence this task generates, T + T/10. */
    public int maxLength() {
        return minLength + minLength / 10;
    }

    /** X2 is one of the pairs [0, x2Window()), i.e. the first T/2 - 1 pairs. */
    public int x2Window() {
        return minLength / 2 - 1;
    }

    public FirstPairRule firstPair() {
        return firstPair;
    }

    @Override
    public Sequence generate(RandomStream rng) {
        int length = rng.nextInt(minLength, maxLength());
        int i1 = rng.nextInt(AddingTask.X1_WINDOW);
        int k = rng.nextInt(x2Window() - 1); // one of the window's pairs other than i1
        int i2 = k < i1 ? k : k + 1;

        double[][] inputs = new double[length][2];
        for (int t = 0; t < length; t++) {
            inputs[t][0] = rng.nextDouble(low, high);
        }
        inputs[0][1] = -1.0;
        inputs[length - 1][1] = -1.0;
        inputs[i1][1] = 1.0;
        inputs[i2][1] = 1.0;
        boolean neutralFirst = switch (firstPair) {
            case ZERO -> i1 == 0 || i2 == 0;
            case ZERO_X1 -> i1 == 0;
            case KEEP -> false;
        };
        if (neutralFirst) {
            inputs[0][0] = neutral; // "we set X1 to zero" (adding); "X1 := 1.0" (multiplication)
        }

        double[][] targets = new double[length][];
        targets[length - 1] = new double[] {target.applyAsDouble(inputs[i1][0], inputs[i2][0])};
        return new Sequence(inputs, targets);
    }
}
