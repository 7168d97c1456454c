package org.lstmrepro.reports.run;

import java.util.Arrays;

import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.core.train.UpdateSchedule;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Initializer;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.original.Preset1997;
import org.lstmrepro.original.Presets1997;
import org.lstmrepro.tasks.Task;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Gru;
import org.lstmrepro.vanilla.Initialisation;
import org.lstmrepro.vanilla.RecurrentInit;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;
import org.lstmrepro.vanilla.WeightDistribution;

/**
 * Builds the network a {@link ModelSpec} names for a task: the paper's preset where there is one,
 * with the user's overrides on top, sized to the task's inputs and outputs.
 */
public final class Models {

    /** The 1997 shape for tasks without a paper preset: two blocks of two cells, as in Experiments 4 and 6a. */
    private static final int DEFAULT_BLOCKS = 2;
    private static final int DEFAULT_CELLS_PER_BLOCK = 2;
    private static final double DEFAULT_1997_LEARNING_RATE = 0.5;
    /** Hidden units of the vanilla, RNN and GRU models unless --hidden says otherwise. */
    public static final int DEFAULT_HIDDEN = 8;
    private static final double GREFF_FAMILY_LEARNING_RATE = 0.01;
    private static final String GREFF_FAMILY_OPTIMIZER = "nesterov:0.9";

    private Models() {
    }

    public static BuiltModel build(ModelSpec spec, Task task, ModelOptions options, RandomStream init) {
        return switch (spec.family()) {
            case ModelSpec.ORIGINAL_1997 -> original1997(task, options, init);
            case ModelSpec.VANILLA -> vanilla(Variant.fromId(spec.variant()), task, options, init);
            case ModelSpec.RNN, ModelSpec.GRU -> baseline(spec.family(), task, options, init);
            default -> throw new IllegalArgumentException("unknown model " + spec);
        };
    }

    private static BuiltModel original1997(Task task, ModelOptions o, RandomStream init) {
        if (o.hiddenSize() != null || o.forgetGateBias() != null || o.derivativeClip() != null
                || o.weightInit() != null || o.recurrentInit() != null) {
            throw new IllegalArgumentException("--hidden, --forget-gate-bias, --derivative-clip, --weight-init and"
                    + " --recurrent-init are for vanilla, rnn and gru; original1997 takes --blocks, --cells and"
                    + " --init-range (the paper's uniform weights) and has no forget gate");
        }
        Preset1997 preset = Presets1997.names().contains(task.id()) ? Presets1997.get(task.id()) : null;
        Lstm1997Config base = preset != null
                ? preset.config()
                : Lstm1997Config.of(task.inputSize(), DEFAULT_BLOCKS, DEFAULT_CELLS_PER_BLOCK, task.outputSize());
        int blocks = o.blocks() != null ? o.blocks() : base.blocks();
        int cells = o.cellsPerBlock() != null ? o.cellsPerBlock() : base.cellsPerBlock();
        double[] inputBiases = gateBiases("input", o.inputGateBiases(), base.inputGateBiases(), base.blocks(), blocks);
        double[] outputBiases = gateBiases("output", o.outputGateBiases(), base.outputGateBiases(), base.blocks(), blocks);
        OutputActivation activation = o.outputActivation() != null
                ? OutputActivation.fromId(o.outputActivation())
                : task.outputUnits().activation();
        Lstm1997Config config = new Lstm1997Config(task.inputSize(), blocks, cells, base.hiddenUnits(),
                task.outputSize(), activation, o.initRange() != null ? o.initRange() : base.initRange(),
                inputBiases, outputBiases, base.hiddenLayerSeesGates(), base.outputsSeeInputs());
        // the task's loss (squared error on the 1997 tasks, binary cross-entropy on jsb-chorales)
        Lstm1997Network network = new Lstm1997Network(config, task.outputUnits().loss());
        Lstm1997Initializer.initialize(config, network.parameters(), init);
        return new BuiltModel(network, ModelConfigs.original1997(config),
                preset != null ? preset.learningRate() : DEFAULT_1997_LEARNING_RATE,
                "truncated1997", UpdateSchedule.online(), "sgd",
                preset != null ? "Hochreiter & Schmidhuber 1997, " + preset.source() : "none (defaults: 2 blocks of 2 cells, lr 0.5)");
    }

    private static BuiltModel vanilla(Variant variant, Task task, ModelOptions o, RandomStream init) {
        refuse1997Options("vanilla", o);
        VanillaConfig config = VanillaConfig.of(task.inputSize(), hiddenSize(o), task.outputSize(), variant)
                .withOutputUnits(outputUnits(task, o))
                .withInitialisation(initialisation(o))
                .withGateBiases(single("input", o.inputGateBiases()), o.forgetGateBias() != null ? o.forgetGateBias() : 0,
                        single("output", o.outputGateBiases()))
                .withDerivativeClip(o.derivativeClip() != null ? o.derivativeClip() : VanillaConfig.NO_DERIVATIVE_CLIP);
        VanillaLstm network = new VanillaLstm(config, init);
        return new BuiltModel(network, ModelConfigs.vanilla(config), GREFF_FAMILY_LEARNING_RATE, "bptt",
                UpdateSchedule.perSequence(), GREFF_FAMILY_OPTIMIZER,
                "none (no paper preset for the vanilla family; unset options take this project's defaults)");
    }

    private static BuiltModel baseline(String family, Task task, ModelOptions o, RandomStream init) {
        refuse1997Options(family, o);
        if (o.derivativeClip() != null) {
            throw new IllegalArgumentException("--derivative-clip is for the vanilla LSTM family, not " + family);
        }
        if (o.inputGateBiases() != null || o.outputGateBiases() != null || o.forgetGateBias() != null) {
            throw new IllegalArgumentException("model " + family + " has no gates with configurable biases");
        }
        BaselineConfig config = BaselineConfig.of(task.inputSize(), hiddenSize(o), task.outputSize())
                .withOutputUnits(outputUnits(task, o))
                .withInitialisation(initialisation(o));
        RecurrentNetwork network = family.equals(ModelSpec.RNN) ? new SimpleRnn(config, init) : new Gru(config, init);
        return new BuiltModel(network, ModelConfigs.baseline(config), GREFF_FAMILY_LEARNING_RATE, "bptt",
                UpdateSchedule.perSequence(), GREFF_FAMILY_OPTIMIZER,
                "none (no paper preset for the baselines; unset options take this project's defaults)");
    }

    private static void refuse1997Options(String family, ModelOptions o) {
        if (o.blocks() != null || o.cellsPerBlock() != null) {
            throw new IllegalArgumentException("--blocks and --cells are for original1997; model " + family + " takes --hidden");
        }
    }

    private static int hiddenSize(ModelOptions o) {
        return o.hiddenSize() != null ? o.hiddenSize() : DEFAULT_HIDDEN;
    }

    private static OutputUnits outputUnits(Task task, ModelOptions o) {
        return o.outputActivation() == null ? task.outputUnits()
                : new OutputUnits(OutputActivation.fromId(o.outputActivation()), task.outputUnits().loss());
    }

    private static Initialisation initialisation(ModelOptions o) {
        if (o.initRange() != null && o.weightInit() != null) {
            throw new IllegalArgumentException("--init-range and --weight-init both set the initial weights: keep one");
        }
        WeightDistribution weights = o.weightInit() != null ? WeightDistribution.parse(o.weightInit())
                : o.initRange() != null ? WeightDistribution.uniform(o.initRange())
                : Initialisation.DEFAULT.weights();
        RecurrentInit recurrent = o.recurrentInit() != null ? RecurrentInit.fromId(o.recurrentInit())
                : Initialisation.DEFAULT.recurrent();
        return new Initialisation(weights, recurrent);
    }

    private static double single(String gate, double[] biases) {
        if (biases == null) {
            return 0;
        }
        if (biases.length != 1) {
            throw new IllegalArgumentException("--" + gate + "-gate-bias takes one value for this model, got " + biases.length);
        }
        return biases[0];
    }

    /**
     * The per-block gate biases: the user's (one value, or one per block), else the preset's when the
     * number of blocks is unchanged, else none (drawn like the other weights).
     */
    private static double[] gateBiases(String gate, double[] given, double[] preset, int presetBlocks, int blocks) {
        if (given != null) {
            if (given.length == 1) {
                double[] all = new double[blocks];
                Arrays.fill(all, given[0]);
                return all;
            }
            if (given.length != blocks) {
                throw new IllegalArgumentException("--" + gate + "-gate-bias has " + given.length
                        + " values but the network has " + blocks + " blocks (give one value, or one per block)");
            }
            return given.clone();
        }
        return blocks == presetBlocks ? preset : new double[0];
    }
}
