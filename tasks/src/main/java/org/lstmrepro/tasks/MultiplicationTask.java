package org.lstmrepro.tasks;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.tasks.AddingTask.FirstPairRule;

/**
 * The multiplication problem of Hochreiter and Schmidhuber 1997, section 5.5 (Experiment 5).
 *
 * <p>As the adding problem ({@link AddingTask}: the same marker layout, lengths and draws, read the same
 * way), except that the values are uniform in [0, 1] (we draw from [0, 1)), a marked first pair has
 * X1 := 1.0 (the product's neutral element, as the adding problem's 0 is the sum's; we apply it to a
 * marked first pair whichever draw marked it, as in {@link AddingTask}), and the target at the last
 * step is the product X1 · X2. Input index 0 is the value, index 1 the marker; one logistic output unit
 * with squared error (the paper's activation functions are logistic unless it says otherwise).
 *
 * <p>A sequence is correct when its absolute error at the end is below 0.04. The paper's stopping
 * criterion: training stops "as soon as less than n_seq of the 2000 most recent training sequences
 * lead to absolute errors exceeding 0.04", with n_seq = 140 and n_seq = 13 (its two rows); there is no
 * condition on the average error. The paper tests one run at both points; since a trial is a pure
 * function of its seed, the trial with {@code nSeq=13} passes through the one with {@code nSeq=140}, so
 * two trials with the same seed give both rows. Test set: 2560 sequences; its errors and MSE
 * (mean of {@code (y - d)^2}) are what the paper reports.
 */
public final class MultiplicationTask extends MarkedPairTask {

    public static final String ID = "multiplication";
    /** The paper's stopping window. */
    public static final int WINDOW = 2000;

    /** The values of the {@code firstPair} setting, in {@link FirstPairRule} order. */
    private static final List<String> FIRST_PAIR_IDS = List.of("one", "one-x1", "keep");

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "multiplication problem, values in [0,1], target X1*X2 (Hochreiter & Schmidhuber 1997, Exp. 5, sec. 5.5)",
            List.of(new TaskParameter("length", "100",
                            "minimal sequence length T (" + AddingTask.MIN_LENGTH + ".." + AddingTask.MAX_LENGTH
                                    + "); lengths are uniform in [T, T + T/10]"),
                    new TaskParameter("firstPair", FIRST_PAIR_IDS.get(0),
                            "a marked first pair: one = its value is 1.0 (paper, read for either marker), "
                                    + "one-x1 = only if X1 is there, keep = keeps its value"),
                    new TaskParameter("nSeq", "140",
                            "stop when fewer than nSeq of the " + WINDOW + " most recent training sequences have an "
                                    + "absolute error of 0.04 or more (1.." + WINDOW + "; the paper's rows: 140 and 13)")),
            s -> new MultiplicationTask(s.intValue("length", AddingTask.MIN_LENGTH, AddingTask.MAX_LENGTH),
                    FirstPairRule.values()[FIRST_PAIR_IDS.indexOf(s.choice("firstPair", FIRST_PAIR_IDS))],
                    s.intValue("nSeq", 1, WINDOW)));

    private final int nSeq;

    /**
     * @param minLength the minimal sequence length T, as in {@link AddingTask}
     * @param firstPair what a marked first pair holds ({@link FirstPairRule#ZERO}: the neutral 1.0)
     * @param nSeq      stop when fewer than this many of the 2000 most recent sequences were wrong
     */
    public MultiplicationTask(int minLength, FirstPairRule firstPair, int nSeq) {
        super(ID, minLength, firstPair, 0.0, 1.0, 1.0, (x1, x2) -> x1 * x2, stopping(nSeq));
        this.nSeq = nSeq;
    }

    /** The stopping criterion's n_seq. */
    public int nSeq() {
        return nSeq;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("length", Integer.toString(minLength()));
        m.put("firstPair", FIRST_PAIR_IDS.get(Arrays.asList(FirstPairRule.values()).indexOf(firstPair())));
        m.put("nSeq", Integer.toString(nSeq));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Fewer than n_seq of the 2000 most recent sequences wrong (at most n_seq - 1), no condition on the
     * average error.
     */
    private static StoppingRule stopping(int nSeq) {
        if (nSeq < 1 || nSeq > WINDOW) {
            throw new IllegalArgumentException("task " + ID + ": nSeq must be an integer from 1 to " + WINDOW
                    + ", was " + nSeq);
        }
        return new StoppingRule(StoppingRule.NO_ERROR_CONDITION, WINDOW, nSeq - 1, StoppingRule.ErrorMeasure.SQUARED);
    }
}
