package org.lstmrepro.reports.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.optim.Clippings;
import org.lstmrepro.core.optim.GradientClipping;
import org.lstmrepro.core.optim.Optimizer;
import org.lstmrepro.core.optim.Optimizers;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.EarlyStopping;
import org.lstmrepro.core.train.ProgressListener;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.Trainer;
import org.lstmrepro.core.train.TrainerSettings;
import org.lstmrepro.core.train.TrainingResult;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.tasks.TaskRegistry;

/**
 * One training run, from its spec to its result: builds the task, the network (initialised from the
 * seed's {@code init} stream), the learning rule, optimizer and trainer; trains on sequences from the
 * seed's {@code train-data} stream; evaluates on the task's test set for the test seed.
 *
 * <p>Everything is resolved before training starts, so a bad setting is an error before any work is
 * done, and {@link #settings()} reports exactly what ran.
 */
public final class Trial {

    /** Learning-curve sample interval, in training sequences. */
    public static final long CURVE_EVERY = 1000;

    private final TrialSpec spec;
    private final Task task;
    private final BuiltModel model;
    private final LearningRule rule;
    private final TrainerSettings trainerSettings;
    private final RandomStream trainingData;
    /** How a task with a fixed data set is trained (epochs, early stopping); null for a generated task. */
    private final EarlyStopping earlyStopping;
    private final Map<String, Object> settings;

    /** Resolves the spec; throws IllegalArgumentException naming the first bad setting. */
    public Trial(TrialSpec spec, double progressSeconds) {
        this.spec = spec;
        this.task = TaskRegistry.create(spec.task(), spec.taskSettings());
        RandomStream root = RandomStream.root(spec.seed());
        ModelSpec modelSpec = ModelSpec.parse(spec.model());
        this.model = modelSpec.build(task, spec.modelOptions(), root.derive("init"));
        this.rule = LearningRules.create(spec.rule() != null ? spec.rule() : model.rule(), model.network());
        double lr = spec.learningRate() != null ? spec.learningRate() : model.learningRate();
        boolean rescale = Boolean.TRUE.equals(spec.rescaleLearningRate());
        Optimizer optimizer = Optimizers.parse(spec.optimizer() != null ? spec.optimizer() : model.optimizer(), lr, rescale);
        GradientClipping clipping = Clippings.parse(spec.clipping(), spec.clipOutputLayer());
        UpdateSchedule schedule = spec.schedule() != null ? UpdateSchedule.parse(spec.schedule()) : model.schedule();
        StoppingRule paper = task.stoppingRule();
        StoppingRule stopping = paper
                .withMaxAverageError(spec.stopError() != null ? spec.stopError() : paper.maxAverageError())
                .withWindow(spec.stopWindow() != null ? spec.stopWindow() : paper.window());
        this.trainerSettings = new TrainerSettings(optimizer, clipping, schedule, stopping, task.criterion(),
                spec.maxSequences(), CURVE_EVERY, progressSeconds);
        this.trainingData = root.derive("train-data");
        this.earlyStopping = task.splits().isEmpty() ? null : new EarlyStopping(
                spec.maxEpochs() != null ? spec.maxEpochs() : EarlyStopping.PAPER_MAX_EPOCHS,
                spec.patience() != null ? spec.patience() : EarlyStopping.PAPER_PATIENCE,
                spec.inputNoise() != null ? spec.inputNoise() : 0);
        if (earlyStopping == null && (spec.maxEpochs() != null || spec.patience() != null || spec.inputNoise() != null)) {
            throw new IllegalArgumentException("epochs, patience and input noise apply to a task with a fixed data set "
                    + "(jsb-chorales), not to " + task.id());
        }

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", modelSpec.toString());
        s.put("task", task.id());
        s.put("taskSettings", typed(task.settings()));
        s.put("rule", rule.id());
        s.put("optimizer", optimizer.describe());
        s.put("learningRate", lr);
        s.put("schedule", schedule.toString());
        s.put("clipping", clipping.describe());
        s.put("stopError", stopping.maxAverageError() == StoppingRule.NO_ERROR_CONDITION ? "none" : stopping.maxAverageError());
        s.put("stopWindow", stopping.window());
        if (!stopping.isStrict()) {
            s.put("stopMaxWrong", stopping.maxWrong());
            s.put("stopMeasure", stopping.measure().name().toLowerCase(java.util.Locale.ROOT));
        }
        s.put("maxSequences", spec.maxSequences());
        if (rescale) {
            s.put("rescaleLearningRate", true);
        }
        if (earlyStopping != null) {
            s.put("maxEpochs", earlyStopping.maxEpochs());
            s.put("patience", earlyStopping.patience());
            s.put("inputNoise", earlyStopping.inputNoise());
        }
        s.put("seed", spec.seed());
        s.put("testSeed", spec.testSeed());
        s.put("weights", model.network().parameters().totalSize());
        s.put("preset", model.preset());
        s.put("network", model.config());

        this.settings = s;
    }

    /**
     * A task's settings with JSON types: {@code length=100} is the number 100, {@code true}/{@code false} are
     * booleans, anything else stays text. (The trial key keeps the text form, so keys do not change.)
     */
    static Map<String, Object> typed(Map<String, String> settings) {
        Map<String, Object> out = new TreeMap<>();
        settings.forEach((name, text) -> out.put(name, typedValue(text)));
        return out;
    }

    private static Object typedValue(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?\\d{1,18}")) {
            return Long.valueOf(text);
        }
        if (text.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.valueOf(text);
        }
        return text;
    }

    /** The resolved settings: what the run used, for summaries and results stores. */
    public Map<String, Object> settings() {
        return settings;
    }

    public Task task() {
        return task;
    }

    public BuiltModel model() {
        return model;
    }

    public TrialSpec spec() {
        return spec;
    }

    /**
     * Trains, then evaluates on the test set: a task with a fixed data set by epochs over its training
     * split with early stopping on its validation split (epoch order and input noise from the seed's
     * {@code train-data} stream), any other task on sequences drawn from that stream.
     */
    public TrainingResult run(ProgressListener progress) {
        if (earlyStopping != null) {
            return new Trainer(rule, trainerSettings, progress).train(task.splits().orElseThrow(), earlyStopping,
                    trainingData);
        }
        List<Sequence> testSet = task.testSet(spec.testSeed());
        return new Trainer(rule, trainerSettings, progress, model.probe()).train(() -> task.generate(trainingData), testSet);
    }
}
