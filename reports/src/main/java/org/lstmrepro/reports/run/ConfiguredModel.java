package org.lstmrepro.reports.run;

import java.util.Map;

import org.lstmrepro.core.io.InterchangeFormatException;
import org.lstmrepro.core.io.ModelConfigFile;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;

/**
 * A network rebuilt from the {@code model} and {@code config} of a parameter file or a model
 * description file, the way an outside tool's weights come back in.
 *
 * @param network the network, with weights from the file or freshly initialised
 * @param config  its configuration in the canonical form of {@link ModelConfigs} (every key, defaults
 *                filled in): what a parameter file written for it holds
 */
public record ConfiguredModel(RecurrentNetwork network, Map<String, Object> config) {

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
     * exactly as {@code train} draws them (the family's {@link ModelFamily#fromConfig}).
     */
    public static ConfiguredModel initialise(ModelConfigFile.Contents file, RandomStream init) {
        return build(file.model(), file.config(), file.source(), init);
    }

    private static ConfiguredModel build(String model, Map<String, Object> config, String source, RandomStream init) {
        ModelFamily family;
        try {
            family = ModelRegistry.find(model);
            if (!family.id().equals(model)) {
                throw new IllegalArgumentException("ids are case-sensitive in files");
            }
        } catch (IllegalArgumentException e) {
            throw new InterchangeFormatException(source, "model", "unknown model '" + model + "' (known: "
                    + ModelRegistry.ids() + (model.contains(":") ? "; a variant goes in config.variant)" : ")"));
        }
        return family.fromConfig(config, source, init);
    }
}
