package org.lstmrepro.reports.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.optim.GradientClipping;
import org.lstmrepro.core.optim.Optimizer;
import org.lstmrepro.core.optim.Optimizers;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.core.train.StoppingRule;
import org.lstmrepro.core.train.Trainer;
import org.lstmrepro.core.train.TrainerSettings;
import org.lstmrepro.core.train.TrainingResult;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.reports.run.BuiltModel;
import org.lstmrepro.reports.run.FlopCount;
import org.lstmrepro.reports.run.LearningRules;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelSpec;
import org.lstmrepro.reports.run.Original1997Family;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.tasks.TaskRegistry;

/**
 * What {@code lstm-repro train --model original1997 --task adding} does, minus data generation: the
 * paper's adding network (Hochreiter and Schmidhuber 1997, section 5.4: preset {@code adding}, 93
 * weights), the 1997 truncated gradient, plain SGD at the paper's rate updated online after every
 * step with a target, driven by the same {@link Trainer}, on pre-generated sequences.
 *
 * <p>The trainer's stopping rule is switched off (the run must not end because the task is solved),
 * and there is no test set; the weights carry over from one call of {@link #run} to the next.
 */
public final class Truncated1997Workload implements Workload {

    private final Task task;
    private final Lstm1997Network network;
    private final LearningRule rule;
    private final Optimizer optimizer;
    private final BuiltModel model;
    private final SequencePool pool;
    private final FlopCount flops;

    /**
     * @param length   the adding problem's minimal length T
     * @param poolSize pre-generated sequences
     * @param seed     initial weights and sequences
     */
    public Truncated1997Workload(int length, int poolSize, long seed) {
        RandomStream root = RandomStream.root(seed);
        this.task = TaskRegistry.create("adding", Map.of("length", Integer.toString(length)));
        ModelSpec spec = ModelSpec.parse(Original1997Family.ID);
        this.model = spec.build(task, ModelOptions.DEFAULTS, root.derive("init"));
        this.network = (Lstm1997Network) model.network();
        this.rule = LearningRules.create(model.rule(), network);
        this.optimizer = Optimizers.parse(model.optimizer(), model.learningRate());
        this.pool = new SequencePool(task, 1, poolSize, root.derive("train-data"));
        this.flops = spec.modelFamily().flopCount(network).orElseThrow();
    }

    @Override
    public String name() {
        return "truncated1997 adding T=" + task.settings().get("length");
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", Original1997Family.ID);
        s.put("preset", model.preset());
        s.put("task", task.id());
        s.put("taskSettings", task.settings());
        s.put("meanLength", pool.meanLength());
        s.put("weights", network.parameters().totalSize());
        s.put("rule", rule.id());
        s.put("optimizer", optimizer.describe());
        s.put("schedule", model.schedule().toString());
        s.put("batchSize", 1);
        return s;
    }

    @Override
    public FlopCount flops() {
        return flops;
    }

    @Override
    public int sequencesPerUnit() {
        return 1;
    }

    @Override
    public Work run(long units) {
        Work before = pool.handedOut();
        TrainerSettings settings = new TrainerSettings(optimizer, GradientClipping.NONE, model.schedule(),
                neverSolved(), task.criterion(), units, Long.MAX_VALUE, Double.POSITIVE_INFINITY);
        TrainingResult result = new Trainer(rule, settings, null).train(pool::next, List.of());
        if (result.status() != RunStatus.BUDGET_EXHAUSTED || result.sequences() != units) {
            throw new IllegalStateException("the benchmark run stopped early: " + result.status() + " after "
                    + result.sequences() + " of " + units + " sequences"
                    + (result.divergence() == null ? "" : " (" + result.divergence().what() + ")"));
        }
        return pool.handedOut().since(before);
    }

    /** A stopping rule no run meets: the window's mean error would have to be below the smallest double. */
    private static StoppingRule neverSolved() {
        return new StoppingRule(Double.MIN_VALUE, 1);
    }
}
