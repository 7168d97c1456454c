package org.lstmrepro.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * The parameter file of the interchange spec ({@value #FORMAT}): model id, the configuration that
 * rebuilds the network, and every parameter as a named {@link Tensor}.
 */
public final class ParameterFile {

    public static final String FORMAT = "lstm-repro/params/v1";

    /**
     * A parameter file as read.
     *
     * @param source  the file it came from, for messages
     * @param model   the model id, e.g. {@code vanilla}
     * @param config  the configuration as plain Java values (see {@link #read}); unmodifiable
     * @param tensors the tensors by name, in file order; unmodifiable
     */
    public record Contents(String source, String model, Map<String, Object> config, Map<String, Tensor> tensors) {

        /** Fails unless the file holds a model of the {@code expected} id. */
        public Contents requireModel(String expected) {
            if (!model.equals(expected)) {
                throw new InterchangeFormatException(source, "model", "the file holds a '" + model
                        + "' model, expected '" + expected + "'");
            }
            return this;
        }

        /**
         * Copies every tensor into the parameter of the same name. Checks first, changing nothing on
         * failure, that the names are exactly the network's and every shape matches; the error lists
         * every missing, unexpected and mis-shaped tensor.
         */
        public void loadInto(ParameterSet network) {
            List<String> problems = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Parameter p : network.all()) {
                Tensor t = tensors.get(p.name());
                if (t == null) {
                    missing.add("'" + p.name() + "'");
                } else if (!t.hasShapeOf(p)) {
                    problems.add("tensor '" + p.name() + "' has shape " + t.shapeText() + ", the network expects "
                            + Arrays.toString(p.shape()));
                }
            }
            List<String> unexpected = new ArrayList<>();
            for (String name : tensors.keySet()) {
                if (!network.contains(name)) {
                    unexpected.add("'" + name + "'");
                }
            }
            if (!missing.isEmpty()) {
                problems.add(0, "missing tensor" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
            }
            if (!unexpected.isEmpty()) {
                problems.add("unexpected tensor" + (unexpected.size() == 1 ? " " : "s ") + String.join(", ", unexpected)
                        + " (the network has no such parameter)");
            }
            if (!problems.isEmpty()) {
                throw new InterchangeFormatException(source, "", String.join("; ", problems));
            }
            for (Parameter p : network.all()) {
                double[] values = tensors.get(p.name()).values();
                System.arraycopy(values, 0, p.value(), 0, values.length);
            }
        }
    }

    private ParameterFile() {
    }

    /**
     * Writes the values of every parameter, in the set's order.
     *
     * @param config JSON-like values only (String, Number, Boolean, null, Map, List)
     * @throws IllegalArgumentException if a value is NaN or infinite (naming the tensor and index),
     *                                  or the config holds something JSON cannot represent
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, String model, Map<String, ?> config, ParameterSet parameters) {
        JsonOut.requireText("model id", model);
        JsonOut.requireJsonValue("config", config);
        for (Parameter p : parameters.all()) {
            JsonOut.requireFinite("tensor '" + p.name() + "'", p.value());
        }
        JsonOut.writeFile(file, g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("model", model);
            g.writeFieldName("config");
            JsonOut.value(g, config);
            g.writeObjectFieldStart("tensors");
            for (Parameter p : parameters.all()) {
                g.writeFieldName(p.name());
                JsonOut.tensor(g, p.shape(), p.value());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * Reads and checks a parameter file. Config numbers come back as Integer (or Long) when written
     * as integers, Double otherwise.
     *
     * @throws InterchangeFormatException naming the file, key and problem
     */
    public static Contents read(Path file) {
        InterchangeReader in = InterchangeReader.parse(file);
        Keys keys = in.bind(Keys.class, FORMAT);
        return new Contents(file.toString(), keys.model(), InterchangeReader.config(in.binding().at("config"), keys.config()),
                InterchangeReader.tensors(in.binding().at("tensors"), keys.tensors()));
    }

    /** The keys of a parameter file; the tensors are bound one by one, so that errors name them. */
    record Keys(@JsonProperty(required = true) String format, @JsonProperty(required = true) String model,
                @JsonProperty(required = true) Map<String, Object> config,
                @JsonProperty(required = true) Map<String, JsonNode> tensors) {
    }

    /** {@link #read} then {@link Contents#loadInto}; returns the contents for the model id and config. */
    public static Contents load(Path file, ParameterSet network) {
        Contents contents = read(file);
        contents.loadInto(network);
        return contents;
    }
}
