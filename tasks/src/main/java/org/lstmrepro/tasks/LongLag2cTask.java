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
 * distractor. A sequence is correct when the final absolute error of both outputs is below 0.2; the
 * paper stops after 10,000 successive correct training sequences (our stopping window; the window's
 * average-error condition is set to 1.0, which a window of correct sequences always meets). Test set:
 * 2560 sequences.
 */
public final class LongLag2cTask extends PaperTask {

    public static final String ID = "long-lag-2c";
    public static final int MAX_Q = 100_000;
    public static final int MAX_P = 100_000;
    public static final double TOLERANCE = 0.2;
    /** Probability that an element after the prefix is the end marker e. */
    public static final double END_PROBABILITY = 0.1;

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "very long lags without local regularities, remember x or y over q+ steps (Hochreiter & Schmidhuber 1997,"
                    + " Exp. 2c, sec. 5.2)",
            List.of(new TaskParameter("q", "100", "minimal number of distractors after the relevant symbol (1.." + MAX_Q + ")"),
                    new TaskParameter("p", "100", "number of distinct distractor symbols (1.." + MAX_P + ")")),
            s -> new LongLag2cTask(s.intValue("q", 1, MAX_Q), s.intValue("p", 1, MAX_P)));

    private static final TargetCriterion CRITERION = new AbsoluteErrorCriterion(TOLERANCE);
    private static final StoppingRule STOPPING = new StoppingRule(1.0, 10_000);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);

    private final int q;
    private final int p;

    public LongLag2cTask(int q, int p) {
        super(p + 4, 2, OUTPUT_UNITS, CRITERION, STOPPING, TEST_SET_1997);
        if (q < 1 || q > MAX_Q) {
            throw new IllegalArgumentException("task " + ID + ": q must be an integer from 1 to " + MAX_Q + ", was " + q);
        }
        if (p < 1 || p > MAX_P) {
            throw new IllegalArgumentException("task " + ID + ": p must be an integer from 1 to " + MAX_P + ", was " + p);
        }
        this.q = q;
        this.p = p;
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
        double[][] inputs = new double[n][inputSize()];
        for (int t = 0; t < n; t++) {
            inputs[t][symbols[t]] = 1.0;
        }
        double[][] targets = new double[n][];
        targets[n - 1] = isY ? new double[] {0.0, 1.0} : new double[] {1.0, 0.0};
        return new Sequence(inputs, targets);
    }

    private static int[] put(int[] a, int i, int v) {
        int[] out = i < a.length ? a : java.util.Arrays.copyOf(a, 2 * a.length);
        out[i] = v;
        return out;
    }
}
