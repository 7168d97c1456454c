package org.lstmrepro.reports.run;

import static org.lstmrepro.reports.run.CommonOptions.BLOCKS;
import static org.lstmrepro.reports.run.CommonOptions.CELLS_PER_BLOCK;
import static org.lstmrepro.reports.run.CommonOptions.INIT_RANGE;
import static org.lstmrepro.reports.run.CommonOptions.INPUT_GATE_BIASES;
import static org.lstmrepro.reports.run.CommonOptions.OUTPUT_ACTIVATION;
import static org.lstmrepro.reports.run.CommonOptions.OUTPUT_GATE_BIASES;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.original.InputGateWeightProbe;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Initializer;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.original.Preset1997;
import org.lstmrepro.original.Presets1997;
import org.lstmrepro.original.WeightGroups;
import org.lstmrepro.tasks.Task;

/**
 * The LSTM of Hochreiter and Schmidhuber (1997): memory cell blocks with the constant error carousel,
 * input and output gates, no forget gate; the paper's preset for its tasks (section 5), trained by
 * default with the 1997 truncated gradient and online SGD.
 */
public final class Original1997Family implements ModelFamily {

    public static final String ID = "original1997";
    /** The 1997 shape for tasks without a paper preset: two blocks of two cells, as in Experiments 4 and 6a. */
    private static final int DEFAULT_BLOCKS = 2;
    private static final int DEFAULT_CELLS_PER_BLOCK = 2;
    private static final double DEFAULT_LEARNING_RATE = 0.5;

    @Override
    public String id() {
        return ID;
    }

    /** The 1997 truncated gradient with online SGD ({@link FlopCounts#truncated1997}). */
    @Override
    public Optional<FlopCount> flopCount(RecurrentNetwork network) {
        Lstm1997Network n = (Lstm1997Network) network;
        return Optional.of(FlopCounts.truncated1997(n.layout(), n));
    }

    @Override
    public String summary() {
        return "the LSTM of Hochreiter & Schmidhuber (1997): CEC, input and output gates, no forget gate";
    }

    /**
     * Weight groups with their own initial value, learning-rate factor and trace bound, or a named reading of the
     * paper's network ({@link WeightGroups}); added to the preset's own groups (Experiment 2c's "no biases").
     */
    public static final ModelOption<String> WEIGHT_GROUPS = new ModelOption<>("weightGroups", "--weight-groups", "G",
            OptionType.text("GROUP=init:V,rate:F,trace:L parts separated by ';', or a reading (" + WeightGroups.readingNames() + ")",
                    WeightGroups::parse, "no-constant-cell-sources", "cell.bias=init:0,rate:0"),
            "Initial value (init, set after the draw), learning-rate factor (rate: the gradient is multiplied by F"
                    + " before every update; 0 freezes) and trace bound (trace: the truncated gradient's trace of each"
                    + " weight clipped to [-L, L] after every step; targets cell and input_gate only; an ablation, not"
                    + " the paper's rule) of groups of weights. GROUP is TARGET.SOURCE: TARGET cell,"
                    + " input_gate, output_gate, hidden, output or all; SOURCE bias, input, cell, hidden, input_gate,"
                    + " output_gate, gates or all (e.g. cell.bias=init:0,rate:0). Readings (docs/reproduction.md): "
                    + WeightGroups.readingDescriptions() + ".",
            "paper (every weight drawn and trained)");

    /** When the layers read their sources: section 5's experiments or appendix A.1 ({@link Lstm1997Config.Timing}). */
    public static final ModelOption<String> TIMING = new ModelOption<>("timing", "--timing", "T",
            OptionType.text("experiments or appendix", Lstm1997Config.Timing::fromId, "experiments", "appendix"),
            "When each layer reads its sources: experiments = within one step, input, hidden layer, output layer"
                    + " (section 5); appendix = every unit reads the previous step's activations, so the hidden"
                    + " layer sees x(t-1) and the output the cells of t-1 (appendix A.1; docs/models.md).",
            "experiments");

    @Override
    public List<ModelOption<?>> options() {
        return List.of(BLOCKS, CELLS_PER_BLOCK, OUTPUT_ACTIVATION, INIT_RANGE, INPUT_GATE_BIASES, OUTPUT_GATE_BIASES,
                WEIGHT_GROUPS, TIMING);
    }

    @Override
    public BuiltModel build(String variant, Task task, ModelOptions o, RandomStream init) {
        Preset1997 preset = Presets1997.names().contains(task.id()) ? Presets1997.get(task.id()) : null;
        Lstm1997Config base = preset != null
                ? preset.config()
                : Lstm1997Config.of(task.inputSize(), DEFAULT_BLOCKS, DEFAULT_CELLS_PER_BLOCK, task.outputSize());
        int blocks = o.isSet(BLOCKS) ? o.get(BLOCKS) : base.blocks();
        int cells = o.isSet(CELLS_PER_BLOCK) ? o.get(CELLS_PER_BLOCK) : base.cellsPerBlock();
        double[] inputBiases = gateBiases(INPUT_GATE_BIASES, o, base.inputGateBiases(), base.blocks(), blocks);
        double[] outputBiases = gateBiases(OUTPUT_GATE_BIASES, o, base.outputGateBiases(), base.blocks(), blocks);
        OutputActivation activation = o.isSet(OUTPUT_ACTIVATION)
                ? OutputActivation.fromId(o.get(OUTPUT_ACTIVATION))
                : task.outputUnits().activation();
        Lstm1997Config config = new Lstm1997Config(task.inputSize(), blocks, cells, base.hiddenUnits(),
                task.outputSize(), activation, o.isSet(INIT_RANGE) ? o.get(INIT_RANGE) : base.initRange(),
                inputBiases, outputBiases, base.hiddenLayerSeesGates(), base.outputsSeeInputs(),
                o.isSet(TIMING) ? Lstm1997Config.Timing.fromId(o.get(TIMING)) : base.timing());
        // the task's loss: squared error on the 1997 tasks, binary cross-entropy on jsb-chorales
        ConfiguredModel model = initialised(config, task.outputUnits().loss(), init);
        Lstm1997Network network = (Lstm1997Network) model.network();
        WeightGroups groups = (preset != null ? preset.weightGroups() : WeightGroups.NONE)
                .and(WeightGroups.parse(o.get(WEIGHT_GROUPS)));
        groups.initialize(network);
        groups.applyRates(network);
        groups.applyTraceLimits(network);
        Map<String, Object> config1997 = new java.util.LinkedHashMap<>(model.config());
        if (!groups.isNone()) {
            config1997.put("weightGroups", groups.spec());
        }
        return new BuiltModel(network, config1997,
                preset != null ? preset.learningRate() : DEFAULT_LEARNING_RATE,
                "truncated1997", UpdateSchedule.online(), "sgd",
                preset != null ? "Hochreiter & Schmidhuber 1997, " + preset.source() : "none (defaults: 2 blocks of 2 cells, lr 0.5)",
                new InputGateWeightProbe(network));
    }

    @Override
    public ConfiguredModel fromConfig(Map<String, ?> config, String source, RandomStream init) {
        return initialised(ModelConfigs.original1997FromMap(config, source), Loss.SQUARED_ERROR, init);
    }

    private static ConfiguredModel initialised(Lstm1997Config config, Loss loss, RandomStream init) {
        Lstm1997Network network = new Lstm1997Network(config, loss);
        Lstm1997Initializer.initialize(config, network.parameters(), init);
        return new ConfiguredModel(network, ModelConfigs.original1997(config));
    }

    /**
     * The per-block gate biases: the user's (one value, or one per block), else the preset's when the
     * number of blocks is unchanged, else none (drawn like the other weights).
     */
    private static double[] gateBiases(ModelOption<List<Double>> option, ModelOptions o, double[] preset,
                                       int presetBlocks, int blocks) {
        List<Double> given = o.get(option);
        if (given != null) {
            if (given.size() == 1) {
                double[] all = new double[blocks];
                Arrays.fill(all, given.get(0));
                return all;
            }
            if (given.size() != blocks) {
                throw new IllegalArgumentException(option.names() + " has " + given.size()
                        + " values but the network has " + blocks + " blocks (give one value, or one per block)");
            }
            return given.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return blocks == presetBlocks ? preset : new double[0];
    }
}
