package org.lstmrepro.tasks;

import java.util.function.DoubleBinaryOperator;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.tasks.AddingTask.FirstPairRule;

/**
 * The marker layout that the adding problem (Experiment 4, section 5.4) and the multiplication problem
 * (Experiment 5, section 5.5) of Hochreiter and Schmidhuber 1997 share; they differ only in the range
 * of the values, the neutral element a marked first pair takes, and how the two marked values make the
 * target. The reading of the layout is documented in {@link AddingTask}.
 *
 * <p>Draws from the stream, in this order: the length L; X1's pair; X2's pair; the L values.
 *
 * @param minLength the minimal sequence length T (see {@link AddingTask#MIN_LENGTH})
 * @param low       values are uniform in [low, high)
 * @param high      see {@code low}
 * @param firstPair what a marked first pair holds
 * @param neutral   the value a marked first pair takes under {@link FirstPairRule#ZERO} and
 *                  {@link FirstPairRule#ZERO_X1} (0 for a sum, 1 for a product)
 * @param target    the target at the last step from the two marked values (X1, X2)
 */
record MarkedPairs(int minLength, double low, double high, FirstPairRule firstPair, double neutral,
                   DoubleBinaryOperator target) {

    /** The longest sequence, T + T/10. */
    int maxLength() {
        return minLength + minLength / 10;
    }

    /** X2 is one of the pairs [0, x2Window()), i.e. the first T/2 - 1 pairs. */
    int x2Window() {
        return minLength / 2 - 1;
    }

    Sequence generate(RandomStream rng) {
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
