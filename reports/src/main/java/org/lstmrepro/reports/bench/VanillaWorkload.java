package org.lstmrepro.reports.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.optim.Optimizer;
import org.lstmrepro.core.optim.Optimizers;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.reports.run.BuiltModel;
import org.lstmrepro.reports.run.CommonOptions;
import org.lstmrepro.reports.run.FlopCount;
import org.lstmrepro.reports.run.LearningRules;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelSpec;
import org.lstmrepro.reports.run.VanillaFamily;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.tasks.TaskRegistry;
import org.lstmrepro.vanilla.VanillaLstm;

/**
 * Training of the vanilla LSTM (Greff et al. 2015) with full BPTT on pre-generated sequences (the
 * adding problem, or JSB Chorales): per minibatch of B sequences, {@link LearningRule#accumulateBatch} (forward and full
 * BPTT; a batched rule makes this faster without any change here), then one optimizer step
 * (the family's default of {@code train}: Nesterov momentum 0.9, rate 0.01) and zeroed gradients. With
 * B = 1 these are the per-sequence updates of {@code train --model vanilla}, without the trainer's
 * per-sequence bookkeeping (error window, finiteness checks).
 */
public final class VanillaWorkload implements Workload {

    private final Task task;
    private final VanillaLstm network;
    private final ParameterSet parameters;
    private final LearningRule rule;
    private final Optimizer optimizer;
    private final SequencePool pool;
    private final int batchSize;
    private final FlopCount flops;

    /**
     * @param hidden    H, LSTM blocks
     * @param batchSize B, sequences per update
     * @param length    the adding problem's minimal length T
     * @param poolSize  pre-generated sequences (rounded up to whole minibatches)
     * @param seed      initial weights and sequences
     */
    public VanillaWorkload(int hidden, int batchSize, int length, int poolSize, long seed) {
        this(TaskRegistry.create("adding", Map.of("length", Integer.toString(length))), hidden, batchSize, poolSize,
                seed);
    }

    /**
     * The same on the sequences of any task (e.g. JSB Chorales: 88 inputs, 88 logistic outputs, the
     * published training chorales drawn at random).
     */
    public VanillaWorkload(Task task, int hidden, int batchSize, int poolSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, was " + batchSize);
        }
        RandomStream root = RandomStream.root(seed);
        this.task = task;
        ModelOptions options = ModelOptions.DEFAULTS.with(CommonOptions.HIDDEN_SIZE, hidden, "--hidden");
        ModelSpec spec = ModelSpec.parse(VanillaFamily.ID);
        BuiltModel model = spec.build(task, options, root.derive("init"));
        this.network = (VanillaLstm) model.network();
        this.parameters = network.parameters();
        this.rule = LearningRules.create(model.rule(), network);
        this.optimizer = Optimizers.parse(model.optimizer(), model.learningRate());
        this.batchSize = batchSize;
        int batches = Math.max(1, (poolSize + batchSize - 1) / batchSize);
        this.pool = new SequencePool(task, batchSize, batches, root.derive("train-data"));
        this.flops = spec.modelFamily().flopCount(network).orElseThrow();
    }

    @Override
    public String name() {
        return (task.id().equals("adding") ? "vanilla" : task.id()) + " H=" + network.hiddenSize() + " B=" + batchSize;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", VanillaFamily.ID);
        s.put("hidden", network.hiddenSize());
        s.put("task", task.id());
        s.put("taskSettings", task.settings());
        s.put("meanLength", pool.meanLength());
        s.put("weights", parameters.totalSize());
        s.put("rule", rule.id());
        s.put("optimizer", optimizer.describe());
        s.put("batchSize", batchSize);
        return s;
    }

    @Override
    public FlopCount flops() {
        return flops;
    }

    @Override
    public int sequencesPerUnit() {
        return batchSize;
    }

    @Override
    public Work run(long units) {
        Work before = pool.handedOut();
        for (long u = 0; u < units; u++) {
            rule.accumulateBatch(pool.nextBatch(), StepObserver.NONE);
            optimizer.step(parameters);
            parameters.zeroGradients();
        }
        return pool.handedOut().since(before);
    }
}
