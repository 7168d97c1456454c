package org.lstmrepro.tasks;

import java.util.List;
import java.util.Map;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.StoppingRule;

/**
 * Next-symbol prediction on the embedded Reber grammar, Hochreiter and Schmidhuber 1997, section
 * 5.1 (Experiment 1); the grammar is in {@link EmbeddedReberGrammar}.
 *
 * <p>Seven symbols one-hot, input and output index: B = 0, T = 1, P = 2, S = 3, X = 4, V = 5, E = 6.
 * A string of n symbols (B first, E last) gives a sequence of n - 1 steps: step t shows symbol t, and
 * its target is multi-hot over the symbols the grammar allows next ("error signals occur at every
 * time step"); the final E is not shown, since nothing follows it.
 *
 * <p>Success, in the paper's words: all symbols "are predicted correctly - that is, if the output
 * unit(s) corresponding to the possible next symbol(s) is(are) always the most active ones"
 * ({@link MostActiveCriterion}). The paper trains on a fixed set of 256 strings, tests on 256 other
 * strings, and stops when every string of both sets is predicted correctly. Here training strings
 * are drawn fresh from the grammar, the test set has 256 strings, and training stops when the 256
 * most recent strings were all correct; the paper has no error clause, so the average-error
 * threshold is 1.0, which never binds (the squared error of logistic outputs against 0/1 targets is
 * below 1 per unit). Outputs are logistic with squared error (section 5.1: "all sigmoid functions
 * are logistic").
 */
public final class EmbeddedReberTask extends PaperTask {

    public static final String ID = "embedded-reber";
    /** The symbols in index order. */
    public static final String SYMBOLS = EmbeddedReberGrammar.SYMBOLS;

    static final TaskFactory FACTORY = new SettingsTaskFactory(ID,
            "embedded Reber grammar, next-symbol prediction (Hochreiter & Schmidhuber 1997, Exp. 1, sec. 5.1)",
            List.of(), s -> new EmbeddedReberTask());

    private static final StoppingRule STOPPING = new StoppingRule(1.0, 256);
    private static final OutputUnits OUTPUT_UNITS = new OutputUnits(OutputActivation.SIGMOID, Loss.SQUARED_ERROR);

    public EmbeddedReberTask() {
        super(SYMBOLS.length(), SYMBOLS.length(), OUTPUT_UNITS, MostActiveCriterion.INSTANCE, STOPPING, 256);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Sequence generate(RandomStream rng) {
        EmbeddedReberGrammar.Walk walk = EmbeddedReberGrammar.walk(rng);
        int steps = walk.symbols().length - 1;
        double[][] inputs = new double[steps][SYMBOLS.length()];
        double[][] targets = new double[steps][SYMBOLS.length()];
        for (int t = 0; t < steps; t++) {
            inputs[t][walk.symbols()[t]] = 1.0;
            for (int next : walk.allowedNext()[t]) {
                targets[t][next] = 1.0;
            }
        }
        return new Sequence(inputs, targets);
    }
}
