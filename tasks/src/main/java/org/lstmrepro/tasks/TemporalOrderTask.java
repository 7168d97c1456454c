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
 * The temporal-order tasks of Hochreiter and Schmidhuber 1997, section 5.6 (Experiment 6): Task 6a
 * (two relevant symbols, 4 classes) and Task 6b (three relevant symbols, 8 classes).
 *
 * <p>Eight symbols, one-hot, at these input indices: E = 0 (start), B = 1 (trigger, end), a = 2,
 * b = 3, c = 4, d = 5 (distractors), X = 6, Y = 7; {@link #SYMBOLS} spells them in index order.
 * A sequence starts with E, ends with B, and holds X or Y (each with probability 1/2) at the relevant
 * positions t1, t2 (, t3); every other element is a distractor, uniform over a, b, c, d. The length
 * is uniform in [100, 110]; t1 in [10, 20], t2 in [50, 60] (6a) or t1 in [10, 20], t2 in [33, 43],
 * t3 in [66, 76] (6b), each uniform.
 *
 * <p>Positions are 1-based (E is at position 1, index 0), so position t is input index t - 1. The
 * paper does not say so in words, but its Table 10 does: the minimal lag between the last relevant
 * input and the teacher signal is 40 for 6a and 24 for 6b, which is 100 - 60 and 100 - 76 for a
 * 1-based last position 100 (0-based indices would give 39 and 23).
 *
 * <p>Classes follow the order of the relevant symbols, read as a binary number with X = 0, Y = 1,
 * the first relevant symbol most significant: 6a XX -> Q (0), XY -> R (1), YX -> S (2), YY -> U (3);
 * 6b XXX -> Q, XXY -> R, XYX -> S, XYY -> U, YXX -> V, YXY -> A, YYX -> B, YYY -> C (0 to 7), as in
 * the paper's lists. The target, one-hot over the classes, is given at the last step only.
 *
 * <p>A sequence is correct when every output's absolute error is below 0.3; training stops when the
 * average training error is below 0.1 and the 2000 most recent sequences were correct; the test set
 * has 2560 sequences; the output units are logistic with squared error. Draws, in this order: the
 * length; the relevant positions t1, t2 (, t3); the relevant symbols; the distractors, in step order.
 */
public final class TemporalOrderTask extends PaperTask {

    /** The symbols in input-index order: E, B, a, b, c, d, X, Y. */
    public static final String SYMBOLS = "EBabcdXY";
    public static final int E = 0;
    public static final int B = 1;
    /** Index of the first distractor, a; b, c, d follow. */
    public static final int FIRST_DISTRACTOR = 2;
    public static final int DISTRACTORS = 4;
    public static final int X = 6;
    public static final int Y = 7;
    public static final int MIN_LENGTH = 100;
    public static final int MAX_LENGTH = 110;
    public static final double TOLERANCE = 0.3;

    /** Task 6a's relevant windows, 1-based inclusive positions {lo, hi}. */
    static final int[][] WINDOWS_6A = {{10, 20}, {50, 60}};
    /** Task 6b's relevant windows, 1-based inclusive positions {lo, hi}. */
    static final int[][] WINDOWS_6B = {{10, 20}, {33, 43}, {66, 76}};

    static final TaskFactory FACTORY_6A = new SettingsTaskFactory("temporal-order-6a",
            "temporal order, 2 relevant symbols, 4 classes (Hochreiter & Schmidhuber 1997, Exp. 6a, sec. 5.6)",
            List.of(), s -> task6a());
    static final TaskFactory FACTORY_6B = new SettingsTaskFactory("temporal-order-6b",
            "temporal order, 3 relevant symbols, 8 classes (Hochreiter & Schmidhuber 1997, Exp. 6b, sec. 5.6)",
            List.of(), s -> task6b());

    private static final TargetCriterion CRITERION = new AbsoluteErrorCriterion(TOLERANCE);
    private static final StoppingRule STOPPING = new StoppingRule(0.1, 2000);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);

    private final String id;
    private final int[][] windows;
    private final String classNames;

    private TemporalOrderTask(String id, int[][] windows, String classNames) {
        super(SYMBOLS.length(), 1 << windows.length, OUTPUT_UNITS, CRITERION, STOPPING, TEST_SET_1997);
        this.id = id;
        this.windows = windows;
        this.classNames = classNames;
    }

    /** Task 6a: relevant symbols at t1 in [10, 20] and t2 in [50, 60]; classes Q, R, S, U. */
    public static TemporalOrderTask task6a() {
        return new TemporalOrderTask("temporal-order-6a", WINDOWS_6A, "QRSU");
    }

    /** Task 6b: relevant symbols at t1 in [10, 20], t2 in [33, 43], t3 in [66, 76]; classes Q .. C. */
    public static TemporalOrderTask task6b() {
        return new TemporalOrderTask("temporal-order-6b", WINDOWS_6B, "QRSUVABC");
    }

    /** How many relevant symbols a sequence holds (2 for 6a, 3 for 6b). */
    public int relevantCount() {
        return windows.length;
    }

    /** The 1-based inclusive window {lo, hi} of the i-th relevant symbol (i from 0). */
    public int[] window(int i) {
        return windows[i].clone();
    }

    /** The paper's name of class {@code k} (e.g. 0 -> Q, 1 -> R). */
    public char className(int k) {
        return classNames.charAt(k);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Sequence generate(RandomStream rng) {
        int length = rng.nextInt(MIN_LENGTH, MAX_LENGTH);
        int[] symbols = new int[length];
        symbols[0] = E;
        symbols[length - 1] = B;
        int[] index = new int[windows.length];
        for (int i = 0; i < windows.length; i++) {
            index[i] = rng.nextInt(windows[i][0], windows[i][1]) - 1; // 1-based position -> index
        }
        int label = 0;
        for (int i = 0; i < windows.length; i++) {
            boolean y = rng.nextBoolean();
            symbols[index[i]] = y ? Y : X;
            label = 2 * label + (y ? 1 : 0);
        }
        int next = 0;
        for (int t = 1; t < length - 1; t++) {
            if (next < index.length && t == index[next]) {
                next++;
            } else {
                symbols[t] = FIRST_DISTRACTOR + rng.nextInt(DISTRACTORS);
            }
        }

        double[][] inputs = new double[length][SYMBOLS.length()];
        for (int t = 0; t < length; t++) {
            inputs[t][symbols[t]] = 1.0;
        }
        double[][] targets = new double[length][];
        targets[length - 1] = new double[outputSize()];
        targets[length - 1][label] = 1.0;
        return new Sequence(inputs, targets);
    }
}
