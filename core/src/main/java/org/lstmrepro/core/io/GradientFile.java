package org.lstmrepro.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

/**
 * The gradient file of the interchange spec ({@value #FORMAT}), the output of the {@code gradient}
 * command: the loss over one sequence, the network's outputs at every step, and dLoss/dparameter
 * under the same names and shapes as the parameter file.
 */
public final class GradientFile {

    public static final String FORMAT = "lstm-repro/gradient/v1";

    /**
     * A gradient file as read.
     *
     * @param model     model id, e.g. {@code vanilla}
     * @param rule      learning rule id, e.g. {@code bptt} or {@code truncated1997}
     * @param loss      total loss over the sequence
     * @param outputs   {@code outputs[t]} is the network output at step t (rows of one length)
     * @param gradients dLoss/dparameter by name, in file order; unmodifiable
     */
    public record Contents(String model, String rule, double loss, double[][] outputs, Map<String, Tensor> gradients) {

        /** Bit-exact on the loss and outputs, like {@link Tensor#equals}. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Contents c && model.equals(c.model) && rule.equals(c.rule)
                    && Double.compare(loss, c.loss) == 0 && Arrays.deepEquals(outputs, c.outputs)
                    && gradients.equals(c.gradients);
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, rule, loss, Arrays.deepHashCode(outputs), gradients);
        }

        @Override
        public String toString() {
            return "GradientFile.Contents[model=" + model + ", rule=" + rule + ", loss=" + loss + ", steps="
                    + outputs.length + ", gradients=" + gradients.keySet() + "]";
        }
    }

    private GradientFile() {
    }

    /**
     * Writes the gradient buffers of {@code parameters} (not their values).
     *
     * @throws IllegalArgumentException if the loss, an output or a gradient is NaN or infinite (naming
     *                                  which), or outputs rows differ in length
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, String model, String rule, double loss, double[][] outputs,
            ParameterSet parameters) {
        JsonOut.requireText("model id", model);
        JsonOut.requireText("rule id", rule);
        JsonOut.requireFinite("the loss", loss);
        for (int t = 0; t < outputs.length; t++) {
            if (outputs[t] == null || outputs[t].length != outputs[0].length) {
                throw new IllegalArgumentException("output at step " + t + " is "
                        + (outputs[t] == null ? "missing" : "of length " + outputs[t].length + ", step 0 has " + outputs[0].length));
            }
            JsonOut.requireFinite("output at step " + t, outputs[t]);
        }
        for (Parameter p : parameters.all()) {
            JsonOut.requireFinite("gradient '" + p.name() + "'", p.gradient());
        }
        JsonOut.writeFile(file, g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("model", model);
            g.writeStringField("rule", rule);
            g.writeNumberField("loss", loss);
            g.writeFieldName("outputs");
            JsonOut.rows(g, outputs);
            g.writeObjectFieldStart("gradients");
            for (Parameter p : parameters.all()) {
                g.writeFieldName(p.name());
                JsonOut.tensor(g, p.shape(), p.gradient());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** @throws InterchangeFormatException naming the file, key and problem */
    public static Contents read(Path file) {
        InterchangeReader in = InterchangeReader.parse(file);
        Keys keys = in.bind(Keys.class, FORMAT);
        StrictBinding at = in.binding();
        return new Contents(keys.model(), keys.rule(), InterchangeReader.finite(at.at("loss"), keys.loss()),
                InterchangeReader.rows(at.at("outputs"), keys.outputs(), false),
                InterchangeReader.tensors(at.at("gradients"), keys.gradients()));
    }

    /** The keys of a gradient file; the gradients are bound one by one, so that errors name them. */
    record Keys(@JsonProperty(required = true) String format, @JsonProperty(required = true) String model,
                @JsonProperty(required = true) String rule, @JsonProperty(required = true) double loss,
                @JsonProperty(required = true) List<JsonNode> outputs,
                @JsonProperty(required = true) Map<String, JsonNode> gradients) {
    }
}
