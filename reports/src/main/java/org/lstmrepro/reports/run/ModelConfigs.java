package org.lstmrepro.reports.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.lstmrepro.core.io.InterchangeFormatException;
import org.lstmrepro.core.io.StrictBinding;
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

import com.fasterxml.jackson.annotation.JsonProperty;

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

    /** The {@code config} of a 1997 network as its file has it: null for a key left out. */
    record Original1997Keys(@JsonProperty(required = true) Integer inputSize,
                            @JsonProperty(required = true) Integer blocks,
                            @JsonProperty(required = true) Integer cellsPerBlock, Integer hiddenUnits,
                            @JsonProperty(required = true) Integer outputSize, String outputActivation,
                            Double initRange, double[] inputGateBiases, double[] outputGateBiases,
                            Boolean hiddenLayerSeesGates, Boolean outputsSeeInputs, String weightGroups) {
    }

    /** The {@code config} of a vanilla LSTM (any variant) as its file has it. */
    record VanillaKeys(@JsonProperty(required = true) Integer inputSize,
                       @JsonProperty(required = true) Integer hiddenSize,
                       @JsonProperty(required = true) Integer outputSize,
                       @JsonProperty(required = true) String variant, String outputActivation, String loss,
                       String initWeights, Double initScale, String initRecurrent, Double inputGateBias,
                       Double forgetGateBias, Double outputGateBias, Double derivativeClip) {
    }

    /** The {@code config} of a simple RNN or a GRU as its file has it. */
    record BaselineKeys(@JsonProperty(required = true) Integer inputSize,
                        @JsonProperty(required = true) Integer hiddenSize,
                        @JsonProperty(required = true) Integer outputSize, String outputActivation, String loss,
                        String initWeights, Double initScale, String initRecurrent) {
    }

    /**
     * The configuration of a 1997 network from a {@code config} map.
     *
     * @param source the file the map came from, for messages
     */
    public static Lstm1997Config original1997FromMap(Map<String, ?> config, String source) {
        Reader r = new Reader(source);
        Original1997Keys k = r.bind(config, Original1997Keys.class);
        // which weights training held or scaled (Original1997Family); the file's values are what they are
        r.named("weightGroups", k.weightGroups(), "", WeightGroups::parse);
        return r.built(() -> new Lstm1997Config(r.size("inputSize", k.inputSize(), MAX_UNITS),
                r.size("blocks", k.blocks(), CommonOptions.MAX_BLOCKS),
                r.size("cellsPerBlock", k.cellsPerBlock(), CommonOptions.MAX_CELLS_PER_BLOCK), or(k.hiddenUnits(), 0),
                r.size("outputSize", k.outputSize(), MAX_UNITS),
                r.named("outputActivation", k.outputActivation(), OutputActivation.SIGMOID.id(), OutputActivation::fromId),
                or(k.initRange(), Lstm1997Config.DEFAULT_INIT_RANGE), or(k.inputGateBiases(), new double[0]),
                or(k.outputGateBiases(), new double[0]), or(k.hiddenLayerSeesGates(), true),
                or(k.outputsSeeInputs(), false)));
    }

    /** The configuration of a vanilla LSTM (any variant) from a {@code config} map. */
    public static VanillaConfig vanillaFromMap(Map<String, ?> config, String source) {
        Reader r = new Reader(source);
        VanillaKeys k = r.bind(config, VanillaKeys.class);
        int inputSize = r.size("inputSize", k.inputSize(), MAX_UNITS);
        int hiddenSize = r.size("hiddenSize", k.hiddenSize(), CommonOptions.MAX_HIDDEN);
        int outputSize = r.size("outputSize", k.outputSize(), MAX_UNITS);
        Variant variant = r.named("variant", k.variant(), null, Variant::fromId);
        OutputUnits units = r.outputUnits(k.outputActivation(), k.loss());
        Initialisation init = r.initialisation(k.initWeights(), k.initScale(), k.initRecurrent());
        return r.built(() -> new VanillaConfig(inputSize, hiddenSize, outputSize, variant, units, init,
                or(k.inputGateBias(), 0.0), or(k.forgetGateBias(), 0.0), or(k.outputGateBias(), 0.0),
                or(k.derivativeClip(), VanillaConfig.NO_DERIVATIVE_CLIP)));
    }

    /** The configuration of a simple RNN or a GRU from a {@code config} map. */
    public static BaselineConfig baselineFromMap(Map<String, ?> config, String source) {
        Reader r = new Reader(source);
        BaselineKeys k = r.bind(config, BaselineKeys.class);
        int inputSize = r.size("inputSize", k.inputSize(), MAX_UNITS);
        int hiddenSize = r.size("hiddenSize", k.hiddenSize(), CommonOptions.MAX_HIDDEN);
        int outputSize = r.size("outputSize", k.outputSize(), MAX_UNITS);
        OutputUnits units = r.outputUnits(k.outputActivation(), k.loss());
        Initialisation init = r.initialisation(k.initWeights(), k.initScale(), k.initRecurrent());
        return r.built(() -> new BaselineConfig(inputSize, hiddenSize, outputSize, units, init));
    }

    private static <T> T or(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /**
     * Checks of a bound {@code config} that need more than its type: sizes in range, names known, and
     * the configuration's own validation; every error an {@link InterchangeFormatException} naming the
     * file and the key.
     */
    private record Reader(String source) {

        <T extends Record> T bind(Map<String, ?> config, Class<T> type) {
            return StrictBinding.strict("config", this::error).bind(StrictBinding.tree(config), type);
        }

        InterchangeFormatException error(String location, String problem) {
            return new InterchangeFormatException(source, location, problem);
        }

        /** A bound size in [1, max]; outside it, an error naming the key and its limits. */
        int size(String key, int value, int max) {
            if (value < 1 || value > max) {
                throw error("config." + key, "must be an integer in [1, " + max + "], was " + value);
            }
            return value;
        }

        /** A name parsed by {@code parser}; {@code defaultName} when absent; its error names the key. */
        <T> T named(String key, String name, String defaultName, Function<String, T> parser) {
            try {
                return parser.apply(name == null ? defaultName : name);
            } catch (IllegalArgumentException e) {
                throw error("config." + key, e.getMessage());
            }
        }

        /** Runs a configuration's constructor; its validation error is about the config as a whole. */
        <T> T built(Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw e instanceof InterchangeFormatException i ? i : error("config", e.getMessage());
            }
        }

        /** {@code outputActivation} (default linear) and {@code loss} (default: cross-entropy for softmax, else squared error). */
        OutputUnits outputUnits(String activationName, String lossName) {
            OutputActivation activation = named("outputActivation", activationName, OutputActivation.LINEAR.id(),
                    OutputActivation::fromId);
            Loss defaultLoss = activation == OutputActivation.SOFTMAX ? Loss.CROSS_ENTROPY : Loss.SQUARED_ERROR;
            Loss loss = named("loss", lossName, defaultLoss.id(), Loss::fromId);
            return built(() -> new OutputUnits(activation, loss));
        }

        /** {@code initWeights}, {@code initScale}, {@code initRecurrent}; defaults {@link Initialisation#DEFAULT}. */
        Initialisation initialisation(String weights, Double scale, String recurrentName) {
            WeightDistribution d = Initialisation.DEFAULT.weights();
            WeightDistribution.Kind kind = named("initWeights", weights, d.kind().name().toLowerCase(Locale.ROOT),
                    ModelConfigs::distributionKind);
            RecurrentInit recurrent = named("initRecurrent", recurrentName, Initialisation.DEFAULT.recurrent().id(),
                    RecurrentInit::fromId);
            return built(() -> new Initialisation(new WeightDistribution(kind, or(scale, d.scale())), recurrent));
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
