package org.lstmrepro.reports.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.WeightGroups;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Initialisation;
import org.lstmrepro.vanilla.RecurrentInit;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.Variant;
import org.lstmrepro.vanilla.WeightDistribution;

/**
 * The {@code config} object of a parameter file (interchange spec): everything needed to rebuild a
 * network, as JSON-friendly maps, both ways. Keys, their meaning and defaults are documented in
 * {@code docs/formats.md}.
 *
 * <p>Writing ({@link #original1997}, {@link #vanilla}, {@link #baseline}) gives every key. Reading
 * ({@code ...FromMap}) is strict: the size keys (and a vanilla network's {@code variant}) are
 * required, the others take the documented defaults when absent; an unknown key, a missing required
 * key, a value of the wrong type or an invalid value is an {@link
 * org.lstmrepro.core.io.InterchangeFormatException} naming the file and the key. Reading what was
 * written gives back an equal configuration.
 */
public final class ModelConfigs {

    /** Largest input or output layer a parameter file may declare (Experiment 2c's p + 4 stays far below). */
    static final int MAX_UNITS = 1_000_000;

    private ModelConfigs() {
    }

    public static Map<String, Object> original1997(Lstm1997Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputSize", c.inputSize());
        m.put("blocks", c.blocks());
        m.put("cellsPerBlock", c.cellsPerBlock());
        m.put("hiddenUnits", c.hiddenUnits());
        m.put("outputSize", c.outputSize());
        m.put("outputActivation", c.outputActivation().id());
        m.put("initRange", c.initRange());
        m.put("inputGateBiases", list(c.inputGateBiases()));
        m.put("outputGateBiases", list(c.outputGateBiases()));
        m.put("hiddenLayerSeesGates", c.hiddenLayerSeesGates());
        m.put("outputsSeeInputs", c.outputsSeeInputs());
        m.put("timing", c.timing().id());
        return m;
    }

    public static Map<String, Object> vanilla(VanillaConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputSize", c.inputSize());
        m.put("hiddenSize", c.hiddenSize());
        m.put("outputSize", c.outputSize());
        m.put("variant", c.variant().id());
        m.put("outputActivation", c.outputUnits().activation().id());
        m.put("loss", c.outputUnits().loss().id());
        putInitialisation(m, c.initialisation());
        m.put("inputGateBias", c.inputGateBias());
        m.put("forgetGateBias", c.forgetGateBias());
        m.put("outputGateBias", c.outputGateBias());
        m.put("derivativeClip", c.derivativeClip());
        return m;
    }

    public static Map<String, Object> baseline(BaselineConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputSize", c.inputSize());
        m.put("hiddenSize", c.hiddenSize());
        m.put("outputSize", c.outputSize());
        m.put("outputActivation", c.outputUnits().activation().id());
        m.put("loss", c.outputUnits().loss().id());
        putInitialisation(m, c.initialisation());
        return m;
    }

    /**
     * The configuration of a 1997 network from a {@code config} map.
     *
     * @param source the file the map came from, for messages
     */
    public static Lstm1997Config original1997FromMap(Map<String, ?> config, String source) {
        ConfigReader r = new ConfigReader(config, source);
        int inputSize = r.requiredInt("inputSize", 1, MAX_UNITS);
        int blocks = r.requiredInt("blocks", 1, CommonOptions.MAX_BLOCKS);
        int cellsPerBlock = r.requiredInt("cellsPerBlock", 1, CommonOptions.MAX_CELLS_PER_BLOCK);
        int hiddenUnits = r.integer("hiddenUnits", 0);
        int outputSize = r.requiredInt("outputSize", 1, MAX_UNITS);
        OutputActivation activation = r.named("outputActivation", OutputActivation.SIGMOID.id(), OutputActivation::fromId);
        double initRange = r.number("initRange", Lstm1997Config.DEFAULT_INIT_RANGE);
        double[] inputGateBiases = r.numbers("inputGateBiases", new double[0]);
        double[] outputGateBiases = r.numbers("outputGateBiases", new double[0]);
        boolean hiddenLayerSeesGates = r.bool("hiddenLayerSeesGates", true);
        boolean outputsSeeInputs = r.bool("outputsSeeInputs", false);
        Lstm1997Config.Timing timing = r.named("timing", Lstm1997Config.Timing.EXPERIMENTS.id(),
                Lstm1997Config.Timing::fromId);
        // which weights training held or scaled (Original1997Family); the file's values are what they are
        r.named("weightGroups", "", WeightGroups::parse);
        r.requireNoOtherKeys();
        try {
            return new Lstm1997Config(inputSize, blocks, cellsPerBlock, hiddenUnits, outputSize, activation, initRange,
                    inputGateBiases, outputGateBiases, hiddenLayerSeesGates, outputsSeeInputs, timing);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    /** The configuration of a vanilla LSTM (any variant) from a {@code config} map. */
    public static VanillaConfig vanillaFromMap(Map<String, ?> config, String source) {
        ConfigReader r = new ConfigReader(config, source);
        int inputSize = r.requiredInt("inputSize", 1, MAX_UNITS);
        int hiddenSize = r.requiredInt("hiddenSize", 1, CommonOptions.MAX_HIDDEN);
        int outputSize = r.requiredInt("outputSize", 1, MAX_UNITS);
        Variant variant = r.named("variant", null, Variant::fromId);
        OutputUnits units = outputUnits(r);
        Initialisation init = initialisation(r);
        double inputGateBias = r.number("inputGateBias", 0);
        double forgetGateBias = r.number("forgetGateBias", 0);
        double outputGateBias = r.number("outputGateBias", 0);
        double derivativeClip = r.number("derivativeClip", VanillaConfig.NO_DERIVATIVE_CLIP);
        r.requireNoOtherKeys();
        try {
            return new VanillaConfig(inputSize, hiddenSize, outputSize, variant, units, init, inputGateBias,
                    forgetGateBias, outputGateBias, derivativeClip);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    /** The configuration of a simple RNN or a GRU from a {@code config} map. */
    public static BaselineConfig baselineFromMap(Map<String, ?> config, String source) {
        ConfigReader r = new ConfigReader(config, source);
        int inputSize = r.requiredInt("inputSize", 1, MAX_UNITS);
        int hiddenSize = r.requiredInt("hiddenSize", 1, CommonOptions.MAX_HIDDEN);
        int outputSize = r.requiredInt("outputSize", 1, MAX_UNITS);
        OutputUnits units = outputUnits(r);
        Initialisation init = initialisation(r);
        r.requireNoOtherKeys();
        try {
            return new BaselineConfig(inputSize, hiddenSize, outputSize, units, init);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    /** {@code outputActivation} (default linear) and {@code loss} (default: cross-entropy for softmax, else squared error). */
    private static OutputUnits outputUnits(ConfigReader r) {
        OutputActivation activation = r.named("outputActivation", OutputActivation.LINEAR.id(), OutputActivation::fromId);
        Loss defaultLoss = activation == OutputActivation.SOFTMAX ? Loss.CROSS_ENTROPY : Loss.SQUARED_ERROR;
        Loss loss = r.named("loss", defaultLoss.id(), Loss::fromId);
        try {
            return new OutputUnits(activation, loss);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    /** {@code initWeights}, {@code initScale}, {@code initRecurrent}; defaults {@link Initialisation#DEFAULT}. */
    private static Initialisation initialisation(ConfigReader r) {
        WeightDistribution d = Initialisation.DEFAULT.weights();
        WeightDistribution.Kind kind = r.named("initWeights", d.kind().name().toLowerCase(Locale.ROOT),
                ModelConfigs::distributionKind);
        double scale = r.number("initScale", d.scale());
        RecurrentInit recurrent = r.named("initRecurrent", Initialisation.DEFAULT.recurrent().id(), RecurrentInit::fromId);
        try {
            return new Initialisation(new WeightDistribution(kind, scale), recurrent);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    private static WeightDistribution.Kind distributionKind(String id) {
        for (WeightDistribution.Kind k : WeightDistribution.Kind.values()) {
            if (k.name().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown weight distribution '" + id + "' (expected uniform or gaussian)");
    }

    private static void putInitialisation(Map<String, Object> m, Initialisation init) {
        m.put("initWeights", init.weights().kind().name().toLowerCase(Locale.ROOT));
        m.put("initScale", init.weights().scale());
        m.put("initRecurrent", init.recurrent().id());
    }

    private static List<Double> list(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
