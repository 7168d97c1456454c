package org.lstmrepro.reports.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.reports.run.ModelOption;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.Trial;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.Task;

/**
 * Expands an {@link Experiment} into its trials and checks every one of them before anything runs:
 * each distinct (task, model, hyperparameters) cell is resolved with {@code new Trial(...)}, which
 * builds the task, network, rule and optimizer, so a setting that does not fit (a rule the model
 * cannot use, a bias list of the wrong length) is an error naming the entries it comes from.
 *
 * <p>Order: seeds outermost, then tasks, then the i-th hyperparameter point of every model before the
 * (i+1)-th, models in file order. Trials run in this order, so a run cut short has results for every
 * cell at the first seeds, and a random search cut short has the same number of draws for every model.
 */
public final class TrialPlanner {

    private TrialPlanner() {
    }

    /** Every trial of the experiment; an IllegalArgumentException of one line if one is malformed or repeated. */
    public static List<PlannedTrial> plan(Experiment e) {
        List<Cell> cells = cells(e);
        List<PlannedTrial> out = new ArrayList<>();
        Map<String, PlannedTrial> byKey = new HashMap<>();
        for (long seed : e.seeds()) {
            for (Cell c : cells) {
                TrialSpec spec = withSeed(c.spec, seed);
                Map<String, Object> canonical = TrialKey.canonical(spec, c.task);
                PlannedTrial t = new PlannedTrial(TrialKey.of(canonical), spec, canonical, c.taskLabel, c.modelLabel, c.origin,
                        c.note);
                PlannedTrial earlier = byKey.putIfAbsent(t.key(), t);
                if (earlier != null) {
                    throw new IllegalArgumentException(e.source() + ": " + t.origin() + " repeats the trial of "
                            + earlier.origin() + " (" + t.modelLabel() + " on " + t.taskLabel() + ", seed " + seed
                            + "): remove one of them");
                }
                out.add(t);
            }
        }
        return out;
    }

    /** A seedless trial: what one (task, model, point) runs; checked once, shared by every seed. */
    private record Cell(TrialSpec spec, Task task, String taskLabel, String modelLabel, String origin, String note,
                        int taskIndex, int pointIndex) {
    }

    private static List<Cell> cells(Experiment e) {
        List<Cell> cells = new ArrayList<>();
        int taskIndex = 0;
        long planned = 0;
        for (TaskEntry task : e.tasks()) {
            taskIndex++;
            for (ModelEntry model : e.models()) {
                if (!model.runsOn(task.id())) {
                    continue;
                }
                String origin = model.path() + " on " + task.path() + " " + task.label();
                Map<HyperparameterName, Hyperparameter> params = new EnumMap<>(HyperparameterName.class);
                params.putAll(e.hyperparameters());
                params.putAll(model.hyperparameters());
                List<Map<HyperparameterName, Double>> points;
                try {
                    // the experiment's samples serve every model that samples something; a model's own must be used
                    Integer samples = model.samples() != null ? model.samples()
                            : HyperparameterPoints.anySampled(params) ? e.samples() : null;
                    points = HyperparameterPoints.expand(params, samples, e.seed(), model.path());
                } catch (IllegalArgumentException problem) {
                    throw new IllegalArgumentException(e.source() + ": " + problem.getMessage());
                }
                int pointIndex = 0;
                planned += (long) points.size() * e.seeds().size();
                if (planned > Experiment.MAX_TRIALS) {
                    throw new IllegalArgumentException(e.source() + ": more than " + Experiment.MAX_TRIALS
                            + " trials (seeds times tasks, models and hyperparameter points): split the experiment");
                }
                for (Map<HyperparameterName, Double> point : points) {
                    TrialSpec spec;
                    Trial trial;
                    try {
                        spec = spec(e, task, model, point);
                        trial = new Trial(spec, Double.POSITIVE_INFINITY);
                    } catch (IllegalArgumentException problem) {
                        throw new IllegalArgumentException(e.source() + ": " + origin + ": " + problem.getMessage());
                    }
                    String modelLabel = model.label() != null ? model.label()
                            : model.model() + "/" + trial.settings().get("rule");
                    cells.add(new Cell(spec, trial.task(), task.label(), modelLabel, origin, model.notes().get(task.id()),
                            taskIndex, pointIndex++));
                }
            }
        }
        // stable: within a task and point index, models stay in file order
        cells.sort(java.util.Comparator.comparingInt(Cell::taskIndex).thenComparingInt(Cell::pointIndex));
        return cells;
    }

    /** The spec of one cell, with seed 0 (each seed replaces it). */
    static TrialSpec spec(Experiment e, TaskEntry task, ModelEntry model, Map<HyperparameterName, Double> point) {
        long budget = budget(e.budget(), task.budget(), model.budget());
        return new TrialSpec(model.model(), task.id(), task.settings(), model.rule(), optimizer(model, point),
                point.get(HyperparameterName.LEARNING_RATE), model.schedule(), model.clipping(), model.clipOutputLayer(),
                budget, e.stopError(), e.stopWindow(), 0, e.testSeed(), options(model.options(), point),
                e.maxEpochs(), e.patience(), point.get(HyperparameterName.INPUT_NOISE), model.rescaleLearningRate());
    }

    /** The experiment's budget, unless the task or the model gives one; if both do, the smaller. */
    static long budget(long experiment, Long task, Long model) {
        if (task != null && model != null) {
            return Math.min(task, model);
        }
        return task != null ? task : model != null ? model : experiment;
    }

    private static TrialSpec withSeed(TrialSpec s, long seed) {
        return new TrialSpec(s.model(), s.task(), s.taskSettings(), s.rule(), s.optimizer(), s.learningRate(),
                s.schedule(), s.clipping(), s.clipOutputLayer(), s.maxSequences(), s.stopError(), s.stopWindow(), seed,
                s.testSeed(), s.modelOptions(), s.maxEpochs(), s.patience(), s.inputNoise(), s.rescaleLearningRate());
    }

    /** The optimizer, with the momentum hyperparameter filled in (Nesterov's when the kind is not given, as Greff et al. 2015). */
    private static String optimizer(ModelEntry model, Map<HyperparameterName, Double> point) {
        Double momentum = point.get(HyperparameterName.MOMENTUM);
        if (momentum == null) {
            return model.optimizer();
        }
        String kind = model.optimizer() == null ? "nesterov" : model.optimizer();
        if (!ExperimentParser.isMomentumKind(kind)) {
            throw new IllegalArgumentException("a momentum hyperparameter needs optimizer 'momentum' or 'nesterov'"
                    + " (without a value), not '" + kind + "'");
        }
        return kind.toLowerCase(java.util.Locale.ROOT) + ":" + momentum;
    }

    /** The model options with the hyperparameters that are model options filled in. */
    private static ModelOptions options(ModelOptions o, Map<HyperparameterName, Double> point) {
        ModelOptions out = o;
        for (Map.Entry<HyperparameterName, Double> e : point.entrySet()) {
            ModelOption<?> option = e.getKey().option();
            if (option == null) {
                continue;
            }
            if (o.isSet(option)) {
                throw new IllegalArgumentException("a hyperparameter and options set the same thing ("
                        + option.key() + "): keep one");
            }
            out = out.with(option, e.getKey().value(e.getValue()));
        }
        return out;
    }
}
