package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.TargetCriterion;

/**
 * The later form of the adding problem, as used by Martens and Sutskever 2011 and by Le, Jaitly and
 * Hinton 2015 ("A simple way to initialize recurrent networks of rectified linear units", section
 * 4.1): a fixed length T, values uniform in [0, 1), markers 0 or 1 with exactly two 1s, target the
 * plain sum of the two marked values at the last step, a linear output with squared error.
 *
 * <p>Placement: one marker uniform in the first half [0, T/2), the other uniform in the second half
 * [T/2, T) (integer T/2). This is the common reading of Le et al. 2015; we could not re-check their
 * wording here. Input index 0 is the value, index 1 the marker. Draws, in this order: the T values,
 * then the two marker positions.
 *
 * <p>Our choices where the later papers give no single rule: a sequence is correct when its absolute
 * error is below 0.04 (the 1997 tolerance, here on the unscaled sum, so four times stricter than in
 * {@link AddingTask}); training stops when the average training error is below 0.01 and the 2000
 * most recent sequences were correct (the 1997 rule); the test set has 2560 sequences. Results on
 * this task are usually reported as test MSE against {@link #baselineMse()}.
 */
public final class AddingUniformTask extends PaperTask {

    public static final String ID = "adding-uniform";
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 1_000_000;
    public static final double TOLERANCE = 0.04;

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "adding problem, values in [0,1], target X1+X2, markers in each half (Le, Jaitly & Hinton 2015, sec. 4.1)",
            List.of(new TaskParameter("length", "100",
                    "sequence length T (" + MIN_LENGTH + ".." + MAX_LENGTH + "); one marker in each half")),
            s -> new AddingUniformTask(s.intValue("length", MIN_LENGTH, MAX_LENGTH)));

    private static final TargetCriterion CRITERION = new AbsoluteErrorCriterion(TOLERANCE);
    private static final StoppingRule STOPPING = new StoppingRule(0.01, 2000);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.LINEAR, Loss.SQUARED_ERROR);

    private final int length;

    /** @param length the sequence length T, in [{@value #MIN_LENGTH}, {@value #MAX_LENGTH}] */
    public AddingUniformTask(int length) {
        super(2, 1, OUTPUT_UNITS, CRITERION, STOPPING, TEST_SET_1997);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("task adding-uniform: length must be an integer from " + MIN_LENGTH
                    + " to " + MAX_LENGTH + ", was " + length);
        }
        this.length = length;
    }

    /** The sequence length T. */
    public int length() {
        return length;
    }

    /**
     * The mean squared error of always answering the target's mean, 1: the variance of X1 + X2 for
     * two independent U[0, 1] values, 1/12 + 1/12 = 1/6. A model must get below this to have learned
     * anything. (This is the MSE {@code (y - d)^2}, not the loss {@code 0.5 (y - d)^2}.)
     */
    public double baselineMse() {
        return 1.0 / 6.0;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("length", Integer.toString(length));
    }

    @Override
    public Sequence generate(RandomStream rng) {
        double[][] inputs = new double[length][2];
        for (int t = 0; t < length; t++) {
            inputs[t][0] = rng.nextDouble();
        }
        int half = length / 2;
        int i1 = rng.nextInt(half);
        int i2 = half + rng.nextInt(length - half);
        inputs[i1][1] = 1.0;
        inputs[i2][1] = 1.0;
        double[][] targets = new double[length][];
        targets[length - 1] = new double[] {inputs[i1][0] + inputs[i2][0]};
        return new Sequence(inputs, targets);
    }
}
