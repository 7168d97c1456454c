package org.lstmrepro.tasks;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.TargetCriterion;

/**
 * The adding problem of Hochreiter and Schmidhuber 1997, section 5.4 (Experiment 4).
 *
 * <p>Each step is a pair (value, marker), input index 0 the value, index 1 the marker. The paper's
 * words, which this class follows: the value is "randomly chosen from the interval [-1, 1]" (we draw uniformly from [-1, 1)); the
 * length is random "between the minimal sequence length T and T + T/10"; "we first randomly select
 * and mark one of the first ten pairs (whose first component we call X1). Then we randomly select
 * and mark one of the first T/2 - 1 still unmarked pairs (whose first component we call X2). The
 * second components of all remaining pairs are zero except for the first and final pair, whose second
 * components are -1. (In the rare case where the first pair of the sequence gets marked, we set X1 to
 * zero.)" The target, given at the last step only, is {@code 0.5 + (X1 + X2) / 4}.
 *
 * <p>Our reading, in detail (T/2 and T/10 are integer divisions; pairs are indexed from 0):
 * <ul>
 *   <li>length L uniform in [T, T + T/10];</li>
 *   <li>X1's pair i1 uniform in [0, 9]; X2's pair i2 uniform over [0, T/2 - 2] without i1 (the first
 *       T/2 - 1 pairs, less the one already marked: T/2 - 2 candidates);</li>
 *   <li>a marked pair has marker 1, also when it is the first pair ("remaining" pairs are the
 *       unmarked ones); otherwise the first and the last pair have marker -1, all others 0;</li>
 *   <li>a marked first pair: see {@link FirstPairRule}. The paper's sentence names X1 but says "the
 *       first pair gets marked", which X2 can also do (probability about 0.9 / (T/2 - 2)). Its
 *       Experiment 5 makes the same exception with X1 = 1.0 for a product, so in both cases the
 *       marked first pair contributes the neutral element: we read the rule as "a marked first pair
 *       counts as zero, whichever draw marked it", and set its value (the "first component") to 0 in
 *       the input too, so the target always equals {@code 0.5 + (sum of the marked values) / 4}
 *       computed from the inputs ({@link FirstPairRule#ZERO}, the default). {@link FirstPairRule#ZERO_X1}
 *       (only X1's draw) and {@link FirstPairRule#KEEP} (no exception) are the other readings.</li>
 * </ul>
 * Why {@code T >= 22}: then the X2 window [0, T/2 - 2] contains all ten candidates of X1, so X2
 * always has T/2 - 2 candidates and the rule reads the same for every T; smaller T would let X1 fall
 * outside X2's window and change the distribution of the lag.
 *
 * <p>Draws from the stream, in this order: L; i1; i2; the L values. A sequence is correct when the
 * absolute error at its end is below 0.04; training stops when the average training error is below
 * 0.01 and the 2000 most recent sequences were correct; the test set has 2560 sequences; the output
 * unit is logistic ("all activation functions are logistic", section 5.4) with squared error.
 */
public final class AddingTask extends PaperTask {

    public static final String ID = "adding";
    /** Smallest minimal length T for which the marker rules read as in the paper (see class doc). */
    public static final int MIN_LENGTH = 22;
    /** Largest minimal length accepted (keeps T + T/10 and memory sane; the paper goes to 1000). */
    public static final int MAX_LENGTH = 1_000_000;
    /** X1 is one of the first ten pairs. */
    public static final int X1_WINDOW = 10;
    /** The paper's bound on the absolute error at the sequence end. */
    public static final double TOLERANCE = 0.04;

    /** What a marked first pair holds; see the class documentation. */
    public enum FirstPairRule {
        /** A marked first pair has value 0 (input and target), whichever draw marked it. The default. */
        ZERO("zero"),
        /** Only when X1's draw marks the first pair is its value 0; X2 on the first pair keeps its value. */
        ZERO_X1("zero-x1"),
        /** No exception: a marked first pair keeps its random value. */
        KEEP("keep");

        private final String id;

        FirstPairRule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static List<String> ids() {
            return Arrays.stream(values()).map(FirstPairRule::id).toList();
        }

        static FirstPairRule fromId(String id) {
            for (FirstPairRule r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown first-pair rule '" + id + "' (expected " + ids() + ")");
        }
    }

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "adding problem, values in [-1,1], target 0.5+(X1+X2)/4 (Hochreiter & Schmidhuber 1997, Exp. 4, sec. 5.4)",
            List.of(new TaskParameter("length", "100",
                            "minimal sequence length T (" + MIN_LENGTH + ".." + MAX_LENGTH
                                    + "); lengths are uniform in [T, T + T/10]"),
                    new TaskParameter("firstPair", FirstPairRule.ZERO.id(),
                            "a marked first pair: zero = its value is 0 (paper, read for either marker), "
                                    + "zero-x1 = only if X1 is there, keep = keeps its value")),
            s -> new AddingTask(s.intValue("length", MIN_LENGTH, MAX_LENGTH),
                    FirstPairRule.fromId(s.choice("firstPair", FirstPairRule.ids()))));

    private static final TargetCriterion CRITERION = new AbsoluteErrorCriterion(TOLERANCE);
    private static final StoppingRule STOPPING = new StoppingRule(0.01, 2000);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);

    private final int minLength;
    private final FirstPairRule firstPair;

    /**
     * @param minLength the minimal sequence length T, in [{@value #MIN_LENGTH}, {@value #MAX_LENGTH}]
     * @param firstPair what a marked first pair holds
     */
    public AddingTask(int minLength, FirstPairRule firstPair) {
        super(2, 1, OUTPUT_UNITS, CRITERION, STOPPING, TEST_SET_1997);
        if (minLength < MIN_LENGTH || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("task adding: length must be an integer from " + MIN_LENGTH
                    + " to " + MAX_LENGTH + ", was " + minLength);
        }
        this.minLength = minLength;
        this.firstPair = Objects.requireNonNull(firstPair, "firstPair");
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
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("length", Integer.toString(minLength));
        m.put("firstPair", firstPair.id());
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Sequence generate(RandomStream rng) {
        int length = rng.nextInt(minLength, maxLength());
        int i1 = rng.nextInt(X1_WINDOW);
        int k = rng.nextInt(x2Window() - 1); // one of the window's pairs other than i1
        int i2 = k < i1 ? k : k + 1;

        double[][] inputs = new double[length][2];
        for (int t = 0; t < length; t++) {
            inputs[t][0] = rng.nextDouble(-1.0, 1.0);
        }
        inputs[0][1] = -1.0;
        inputs[length - 1][1] = -1.0;
        inputs[i1][1] = 1.0;
        inputs[i2][1] = 1.0;
        boolean zeroFirst = switch (firstPair) {
            case ZERO -> i1 == 0 || i2 == 0;
            case ZERO_X1 -> i1 == 0;
            case KEEP -> false;
        };
        if (zeroFirst) {
            inputs[0][0] = 0.0; // "we set X1 to zero"
        }

        double[][] targets = new double[length][];
        targets[length - 1] = new double[] {0.5 + (inputs[i1][0] + inputs[i2][0]) / 4.0};
        return new Sequence(inputs, targets);
    }
}
