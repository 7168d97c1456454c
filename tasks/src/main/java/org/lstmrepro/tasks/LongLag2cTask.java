package org.lstmrepro.tasks;

import java.util.LinkedHashMap;
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
 * Experiment 2c of Hochreiter and Schmidhuber 1997, section 5.2: very long time lags, no local
 * regularities. The paper's cheapest test of whether error is carried over q steps.
 *
 * <p>p + 4 symbols, one-hot, at these input indices: the distractors a_1 ... a_p at 0 ... p - 1, then
 * e = p, b = p + 1, x = p + 2, y = p + 3. A sequence is b, then x or y (probability 1/2 each: the
 * symbol to remember), then q distractors, then each further element is a distractor with probability
 * 9/10 or the end marker e with probability 1/10, which ends the input. At the step that shows e the
 * network must predict the sequence's final element, the same x or y as the second element: two
 * logistic output units (x at 0, y at 1), target one-hot, given at that step only. So the input has
 * q + 3 + k elements (k distractors after the prefix, geometric with mean 9) and the minimal lag is
 * q + 1 steps; with the final element the paper's sequence is q + 4 + k long (it gives the expected
 * length as about q + 14; our reading of where the count starts is q + 13).
 *
 * <p>Distractors are uniform over a_1 ... a_p. Draws, in this order: the relevant symbol; the q prefix
 * distractors; then per further step one uniform draw for "e or not" and, if not, one for the
 * distractor. A sequence is correct when the final absolute error of both outputs is below 0.2. The
 * paper's success criterion, "the final absolute error of both output units below 0.2 for 10,000
 * successive training sequences", has two readings, chosen by the setting {@code criterion}:
 * <ul>
 *   <li>{@code successive} (the default, the literal reading): stop after 10,000 successive correct
 *       training sequences (our stopping window; the window's average-error condition is set to 1.0,
 *       which a window of correct sequences always meets);</li>
 *   <li>{@code average}: stop when the final absolute error, averaged over both outputs and the 10,000
 *       most recent training sequences, is below 0.2; single sequences may be wrong.</li>
 * </ul>
 * Either window can be changed with the experiment's {@code stopping.window}. {@link #settings()} lists
 * {@code criterion} only when it is not the default, so the trial keys of runs made before the setting
 * existed stay the same. Test set: 2560 sequences.
 */
public final class LongLag2cTask extends PaperTask {

    public static final String ID = "long-lag-2c";
    public static final int MAX_Q = 100_000;
    public static final int MAX_P = 100_000;
    public static final double TOLERANCE = 0.2;
    /** Probability that an element after the prefix is the end marker e. */
    public static final double END_PROBABILITY = 0.1;
    /** The paper's success window: 10,000 training sequences. */
    public static final int WINDOW = 10_000;

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "very long lags without local regularities, remember x or y over q+ steps (Hochreiter & Schmidhuber 1997,"
                    + " Exp. 2c, sec. 5.2)",
            List.of(new TaskParameter("q", "100", "minimal number of distractors after the relevant symbol (1.." + MAX_Q + ")"),
                    new TaskParameter("p", "100", "number of distinct distractor symbols (1.." + MAX_P + ")"),
                    new TaskParameter("criterion", Criterion.SUCCESSIVE.id(),
                            "success: successive = 10,000 successive correct sequences (the paper, literally), "
                                    + "average = final absolute error averaged over the 10,000 most recent sequences below 0.2")),
            s -> new LongLag2cTask(s.intValue("q", 1, MAX_Q), s.intValue("p", 1, MAX_P),
                    Criterion.fromId(s.choice("criterion", Criterion.ids()))));

    /** The readings of the paper's success criterion; see the class documentation. */
    public enum Criterion {
        /** 10,000 successive correct training sequences. The default. */
        SUCCESSIVE("successive", new StoppingRule(1.0, WINDOW)),
        /** The final absolute error, averaged over the 10,000 most recent sequences, below 0.2. */
        AVERAGE("average", new StoppingRule(TOLERANCE, WINDOW, WINDOW, StoppingRule.ErrorMeasure.ABSOLUTE));

        private final String id;
        private final StoppingRule rule;

        Criterion(String id, StoppingRule rule) {
            this.id = id;
            this.rule = rule;
        }

        public String id() {
            return id;
        }

        static List<String> ids() {
            return java.util.Arrays.stream(values()).map(Criterion::id).toList();
        }

        static Criterion fromId(String id) {
            return values()[ids().indexOf(id)];
        }
    }

    private static final TargetCriterion CRITERION = new AbsoluteErrorCriterion(TOLERANCE);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);

    private final int q;
    private final int p;
    private final Criterion criterion;
    /** The one-hot vector of each symbol, made when first drawn ({@link #oneHot}). */
    private final double[][] rows;

    /** The task with the paper's literal success criterion ({@link Criterion#SUCCESSIVE}). */
    public LongLag2cTask(int q, int p) {
        this(q, p, Criterion.SUCCESSIVE);
    }

    public LongLag2cTask(int q, int p, Criterion criterion) {
        super(p + 4, 2, OUTPUT_UNITS, CRITERION, java.util.Objects.requireNonNull(criterion, "criterion").rule,
                TEST_SET_1997);
        if (q < 1 || q > MAX_Q) {
            throw new IllegalArgumentException("task " + ID + ": q must be an integer from 1 to " + MAX_Q + ", was " + q);
        }
        if (p < 1 || p > MAX_P) {
            throw new IllegalArgumentException("task " + ID + ": p must be an integer from 1 to " + MAX_P + ", was " + p);
        }
        this.q = q;
        this.p = p;
        this.criterion = criterion;
        this.rows = new double[p + 4][];
    }

    /** The reading of the success criterion. */
    public Criterion successCriterion() {
        return criterion;
    }

    public int q() {
        return q;
    }

    public int p() {
        return p;
    }

    /** Input index of the end marker e. */
    public int e() {
        return p;
    }

    /** Input index of the start symbol b. */
    public int b() {
        return p + 1;
    }

    /** Input index of x (y is the next one). */
    public int x() {
        return p + 2;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("q", Integer.toString(q));
        m.put("p", Integer.toString(p));
        if (criterion != Criterion.SUCCESSIVE) {
            m.put("criterion", criterion.id());
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Sequence generate(RandomStream rng) {
        boolean isY = rng.nextBoolean();
        int[] symbols = new int[q + 16];
        int n = 0;
        symbols = put(symbols, n++, b());
        symbols = put(symbols, n++, isY ? x() + 1 : x());
        for (int i = 0; i < q; i++) {
            symbols = put(symbols, n++, rng.nextInt(p));
        }
        while (true) {
            if (rng.nextDouble() < END_PROBABILITY) {
                symbols = put(symbols, n++, e());
                break;
            }
            symbols = put(symbols, n++, rng.nextInt(p));
        }
        double[][] inputs = new double[n][];
        for (int t = 0; t < n; t++) {
            inputs[t] = oneHot(symbols[t]);
        }
        double[][] targets = new double[n][];
        targets[n - 1] = isY ? new double[] {0.0, 1.0} : new double[] {1.0, 0.0};
        return new Sequence(inputs, targets);
    }

    /**
     * The one-hot input vector of {@code symbol}, one shared array per symbol (sequences are read-only,
     * {@link Sequence}): a sequence then holds one reference per step instead of p + 4 numbers, which
     * keeps the 2560-sequence test set at q = p = 1000 near 20 MB instead of 20 GB.
     */
    private synchronized double[] oneHot(int symbol) {
        double[] row = rows[symbol];
        if (row == null) {
            row = new double[inputSize()];
            row[symbol] = 1.0;
            rows[symbol] = row;
        }
        return row;
    }

    private static int[] put(int[] a, int i, int v) {
        int[] out = i < a.length ? a : java.util.Arrays.copyOf(a, 2 * a.length);
        out[i] = v;
        return out;
    }
}
