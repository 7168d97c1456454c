package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Test fixture: trial records made up to exercise the report, with outcomes chosen so the expected
 * statistics can be worked out by hand (see the tests' comments).
 */
final class SyntheticTrials {

    static final String ADDING = "adding(length=100)";
    static final String ORDER = "temporal-order-6a";
    static final String ORIGINAL = "original1997/truncated1997";
    static final String VANILLA = "vanilla/bptt";
    static final String NIG = "vanilla:NIG/bptt";
    static final String CIFG = "vanilla:CIFG/bptt";
    static final int TEST_SIZE = 2560;

    /** Solved original1997 trials on the adding task: their sequences to criterion. */
    static final long[] ORIGINAL_SOLVED = {150_000, 60_000, 90_000, 70_000, 80_000};
    /** Their test errors (out of 2560), in the same order. */
    static final int[] ORIGINAL_TEST_ERRORS = {3, 1, 2, 0, 1};
    /** The budget-exhausted original1997 trial's test errors. */
    static final int EXHAUSTED_TEST_ERRORS = 40;

    static final double[] VANILLA_MSE = {0.010, 0.012, 0.009, 0.015, 0.011, 0.013};
    static final long[] VANILLA_SEQUENCES = {200_000, 250_000, 180_000, 300_000, 220_000, 260_000};
    static final double[] NIG_MSE = {0.020, 0.031, 0.018, 0.025, 0.040, 0.022};
    static final long[] NIG_SEQUENCES = {400_000, 350_000, 500_000, 420_000};
    static final double[] LEARNING_RATES = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2};

    static final long[] ORDER_SOLVED = {30_000, 28_000, 36_000};

    private SyntheticTrials() {
    }

    static List<TrialRecord> all() {
        List<TrialRecord> out = new ArrayList<>();
        for (int i = 0; i < ORIGINAL_SOLVED.length; i++) {
            out.add(trial(ADDING, ORIGINAL, i + 1, RunStatus.SOLVED, ORIGINAL_SOLVED[i], ORIGINAL_TEST_ERRORS[i], 0.002, 0.5,
                    "aaa111"));
        }
        out.add(trial(ADDING, ORIGINAL, 6, RunStatus.BUDGET_EXHAUSTED, 300_000, EXHAUSTED_TEST_ERRORS, 0.02, 0.5, "aaa111"));
        out.add(trial(ADDING, ORIGINAL, 7, RunStatus.DIVERGED, 12_345, null, null, 0.5, "bbb222"));
        for (int i = 0; i < VANILLA_MSE.length; i++) {
            out.add(trial(ADDING, VANILLA, i + 1, RunStatus.SOLVED, VANILLA_SEQUENCES[i], 5, VANILLA_MSE[i], LEARNING_RATES[i], "aaa111"));
        }
        for (int i = 0; i < NIG_MSE.length; i++) {
            boolean solved = i < NIG_SEQUENCES.length;
            out.add(trial(ADDING, NIG, i + 1, solved ? RunStatus.SOLVED : RunStatus.BUDGET_EXHAUSTED, solved ? NIG_SEQUENCES[i] : 600_000,
                    9, NIG_MSE[i], LEARNING_RATES[i], "aaa111"));
        }
        out.add(trial(ADDING, CIFG, 1, RunStatus.SOLVED, 240_000, 6, 0.012, 1e-3, "aaa111"));
        for (int i = 0; i < ORDER_SOLVED.length; i++) {
            out.add(trial(ORDER, ORIGINAL, i + 1, RunStatus.SOLVED, ORDER_SOLVED[i], 1, 0.004, 0.5, "aaa111"));
        }
        return out;
    }

    static TrialRecord trial(String task, String model, long seed, RunStatus status, long sequences, Integer testErrors,
                             Double testMse, double learningRate, String commit) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("learningRate", learningRate);
        settings.put("optimizer", model.startsWith("original") ? "sgd" : "nesterov:0.9");
        settings.put("weights", Map.of("init", "uniform", "range", 0.1));
        String key = (task + "-" + model + "-" + seed).replaceAll("[^A-Za-z0-9-]", "_");
        return new TrialRecord(key, "synthetic", task, model, Map.of("model", model, "seed", seed), settings, status,
                sequences, testErrors, testErrors == null ? null : TEST_SIZE, testMse, learningRate, seed, 1.0,
                curve(sequences, seed, !RunStatus.DIVERGED.equals(status)), RunStatus.DIVERGED.equals(status) ? Map.of("what", "NaN") : null,
                commit);
    }

    /** A decaying error curve sampled every 10,000 sequences up to the stop (NaN at the end when diverged). */
    private static List<double[]> curve(long sequences, long seed, boolean finite) {
        List<double[]> c = new ArrayList<>();
        for (long s = 10_000; s <= sequences; s += 10_000) {
            double error = 0.2 * Math.exp(-s / (40_000.0 + 5_000 * seed)) + 0.001;
            c.add(new double[] {s, error, 1 - error});
        }
        if (!finite) {
            c.add(new double[] {sequences, Double.NaN, 0});
        }
        return c;
    }
}
