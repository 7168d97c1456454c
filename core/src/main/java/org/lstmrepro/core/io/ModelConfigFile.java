package org.lstmrepro.core.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model description file: {@code {"model": "...", "config": {...}}}, the {@code model} and
 * {@code config} of a parameter file without the tensors. It says which network to build (and
 * initialise) when there are no weights yet. Other keys are ignored, so a parameter file is also a
 * valid model description file.
 */
public final class ModelConfigFile {

    /**
     * A model description as read.
     *
     * @param source the file it came from, for messages
     * @param model  the model id, e.g. {@code vanilla}
     * @param config the configuration as plain Java values, typed as by {@link ParameterFile#read}; unmodifiable
     */
    public record Contents(String source, String model, Map<String, Object> config) {
    }

    private ModelConfigFile() {
    }

    /** @throws InterchangeFormatException naming the file, key and problem */
    public static Contents read(Path file) {
        InterchangeReader in = InterchangeReader.parse(file);
        Keys keys = in.bind(Keys.class);
        return new Contents(file.toString(), keys.model(), InterchangeReader.config(in.binding().at("config"), keys.config()));
    }

    /** The keys of a model description file (other keys are ignored). */
    record Keys(@JsonProperty(required = true) String model, @JsonProperty(required = true) Map<String, Object> config) {
    }
}
