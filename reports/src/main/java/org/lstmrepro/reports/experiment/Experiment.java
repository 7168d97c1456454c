package org.lstmrepro.reports.experiment;

import java.util.List;
import java.util.Map;

/**
 * A parsed, checked experiment file: which tasks, which models, which hyperparameters and seeds.
 * {@link TrialPlanner} expands it into trials. The keys and their defaults are documented in
 * {@code docs/experiments.md}.
 *
 * @param source          the file or preset it was read from, for messages
 * @param name            the experiment's name (default output directory {@code runs/NAME})
 * @param description     free text, or ""
 * @param seed            the seed of the random search's draws
 * @param seeds           the master seeds every trial is run with
 * @param budget          the default budget of training sequences per trial
 * @param stopError       override of the tasks' stopping error threshold, or null
 * @param stopWindow      override of the tasks' stopping window, or null
 * @param maxEpochs       tasks with a fixed data set: the epoch cap, or null for the default (150)
 * @param patience        tasks with a fixed data set: the early-stopping patience, or null for the default (15)
 * @param testSeed        the seed of every test set
 * @param tasks           the task settings, expanded
 * @param models          the models
 * @param hyperparameters the experiment-wide hyperparameters
 * @param samples         random-search samples, or null when nothing is sampled
 */
public record Experiment(String source, String name, String description, long seed, List<Long> seeds, long budget,
                         Double stopError, Integer stopWindow, Integer maxEpochs, Integer patience, long testSeed, List<TaskEntry> tasks,
                         List<ModelEntry> models, Map<HyperparameterName, Hyperparameter> hyperparameters,
                         Integer samples) {

    /** The most seeds an experiment may run (a bound checked before the plan is built). */
    public static final int MAX_SEEDS = 10_000;
    /** The most trials an experiment may plan (seeds times tasks, models and hyperparameter points). */
    public static final long MAX_TRIALS = 1_000_000;

    public Experiment {
        seeds = List.copyOf(seeds);
        tasks = List.copyOf(tasks);
        models = List.copyOf(models);
        hyperparameters = Map.copyOf(hyperparameters);
    }

    /** The same experiment with seeds 1..n instead of its own (the {@code --seeds} option). */
    public Experiment withSeedCount(int n) {
        if (n < 1 || n > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be in [1, " + MAX_SEEDS + "], was " + n);
        }
        return new Experiment(source, name, description, seed, ExperimentParser.oneTo(n), budget,
                stopError, stopWindow, maxEpochs, patience, testSeed, tasks, models, hyperparameters, samples);
    }
}
