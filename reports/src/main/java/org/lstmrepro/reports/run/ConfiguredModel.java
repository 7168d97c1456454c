package org.lstmrepro.reports.run;

import java.util.Map;

import org.lstmrepro.core.io.InterchangeFormatException;
import org.lstmrepro.core.io.ModelConfigFile;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.Lstm1997Initializer;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Gru;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaLstm;

/**
 * A network rebuilt from the {@code model} and {@code config} of a parameter file or a model
 * description file, the way an outside tool's weights come back in.
 *
 * @param network the network, with weights from the file or freshly initialised
 * @param config  its configuration in the canonical form of {@link ModelConfigs} (every key, defaults
 *                filled in): what a parameter file written for it holds
 */
public record ConfiguredModel(RecurrentNetwork network, Map<String, Object> config) {

    /** The model ids a file may name (the vanilla variants are {@code config.variant}). */
    public static final String KNOWN = "original1997, vanilla, rnn, gru";

    /**
     * Builds the network of a parameter file and loads its weights (names and shapes checked).
     *
     * @throws InterchangeFormatException naming the file and the problem
     */
    public static ConfiguredModel load(ParameterFile.Contents file) {
        // The initial draws are overwritten by the file's weights: any stream will do.
        ConfiguredModel model = build(file.model(), file.config(), file.source(), RandomStream.root(0));
        file.loadInto(model.network().parameters());
        return model;
    }

    /**
     * Builds the network a model description file names, with initial weights drawn from {@code init}
     * exactly as {@code train} draws them ({@link Models}): the 1997 initialiser for
     * {@code original1997}, the network's own initialisation otherwise.
     */
    public static ConfiguredModel initialise(ModelConfigFile.Contents file, RandomStream init) {
        return build(file.model(), file.config(), file.source(), init);
    }

    private static ConfiguredModel build(String model, Map<String, Object> config, String source, RandomStream init) {
        return switch (model) {
            case ModelSpec.ORIGINAL_1997 -> {
                Lstm1997Config c = ModelConfigs.original1997FromMap(config, source);
                Lstm1997Network network = new Lstm1997Network(c);
                Lstm1997Initializer.initialize(c, network.parameters(), init);
                yield new ConfiguredModel(network, ModelConfigs.original1997(c));
            }
            case ModelSpec.VANILLA -> {
                var c = ModelConfigs.vanillaFromMap(config, source);
                yield new ConfiguredModel(new VanillaLstm(c, init), ModelConfigs.vanilla(c));
            }
            case ModelSpec.RNN, ModelSpec.GRU -> {
                BaselineConfig c = ModelConfigs.baselineFromMap(config, source);
                RecurrentNetwork network = model.equals(ModelSpec.RNN) ? new SimpleRnn(c, init) : new Gru(c, init);
                yield new ConfiguredModel(network, ModelConfigs.baseline(c));
            }
            default -> throw new InterchangeFormatException(source, "model", "unknown model '" + model + "' (known: "
                    + KNOWN + (model.startsWith(ModelSpec.VANILLA + ":") ? "; a vanilla variant goes in config.variant)" : ")"));
        };
    }
}
