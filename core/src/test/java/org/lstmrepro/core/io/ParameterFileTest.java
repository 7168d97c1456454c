package org.lstmrepro.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;

class ParameterFileTest {

    @TempDir
    Path dir;

    /** Values whose decimal form is tricky: not exactly representable, extreme, signed zero, subnormal. */
    static final double[] TRICKY = {0.1, 1e-300, -0.0, Math.PI, Double.MIN_VALUE, Double.MIN_NORMAL / 3,
        Double.MAX_VALUE, -1.0 / 3, 1e22, 123456789.123456789, 2.0 / 3 * 1e-310, 0.0, -Double.MIN_VALUE, 1.0};

    private static ParameterSet network(int hidden, int input) {
        ParameterSet ps = new ParameterSet();
        ps.add(Parameter.matrix("weight_ih", 4 * hidden, input));
        ps.add(Parameter.matrix("weight_hh", 4 * hidden, hidden));
        ps.add(Parameter.vector("bias", 4 * hidden));
        ps.add(Parameter.outputMatrix("output.weight", 1, hidden));
        ps.add(Parameter.outputVector("output.bias", 1));
        return ps;
    }

    private static Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("inputSize", 3);
        config.put("hiddenSize", 2);
        config.put("variant", "vanilla");
        config.put("outputActivation", "sigmoid");
        config.put("forgetBiasInit", 1.5);
        config.put("peepholes", true);
        config.put("nested", Map.of("list", List.of(1, 2.5, "x")));
        config.put("nothing", null);
        return config;
    }

    @Test
    void roundTripsEveryValueBitExactly() {
        ParameterSet out = network(2, 3);
        RandomStream random = RandomStream.root(7);
        for (Parameter p : out.all()) {
            for (int i = 0; i < p.size(); i++) {
                // random bit patterns cover every exponent; keep the finite ones
                double v = Double.longBitsToDouble(random.nextLong());
                p.value()[i] = Double.isFinite(v) ? v : random.nextDouble();
            }
        }
        System.arraycopy(TRICKY, 0, out.get("weight_hh").value(), 0, TRICKY.length);
        Path file = dir.resolve("params.json");

        ParameterFile.write(file, "vanilla", config(), out);
        ParameterSet in = network(2, 3);
        ParameterFile.Contents contents = ParameterFile.load(file, in);

        assertThat(contents.model()).isEqualTo("vanilla");
        assertThat(contents.config()).isEqualTo(config());
        assertThat(contents.tensors().keySet()).containsExactly("weight_ih", "weight_hh", "bias", "output.weight", "output.bias");
        for (Parameter p : out.all()) {
            assertThat(contents.tensors().get(p.name())).isEqualTo(Tensor.valuesOf(p));
            double[] loaded = in.get(p.name()).value();
            for (int i = 0; i < p.size(); i++) {
                assertThat(Double.doubleToRawLongBits(loaded[i])).as("%s[%d]", p.name(), i)
                        .isEqualTo(Double.doubleToRawLongBits(p.value()[i]));
            }
        }
    }

    @Test
    void readsAHandWrittenFile() throws IOException {
        Path file = dir.resolve("hand.json");
        Files.writeString(file, """
                {
                  "format": "lstm-repro/params/v1",
                  "model": "rnn",
                  "comment": "keys the format does not define are ignored",
                  "config": {"inputSize": 2, "hiddenSize": 1, "lr": 1e-3, "variant": "vanilla", "big": 3000000000},
                  "tensors": {
                    "weight_ih": {"shape": [1, 2], "values": [0.5, -2]},
                    "bias": {"values": [1E-2], "shape": [1], "note": "ignored here too"},
                    "output.bias": {"shape": [0], "values": []}
                  }
                }
                """);
        ParameterFile.Contents c = ParameterFile.read(file);
        assertThat(c.model()).isEqualTo("rnn");
        assertThat(c.config()).containsExactly(Map.entry("inputSize", 2), Map.entry("hiddenSize", 1),
                Map.entry("lr", 0.001), Map.entry("variant", "vanilla"), Map.entry("big", 3_000_000_000L));
        assertThatThrownBy(() -> c.config().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.tensors()).containsExactly(
                Map.entry("weight_ih", new Tensor(new int[] {1, 2}, new double[] {0.5, -2.0})),
                Map.entry("bias", new Tensor(new int[] {1}, new double[] {0.01})),
                Map.entry("output.bias", new Tensor(new int[] {0}, new double[0])));
        assertThat(c.requireModel("rnn")).isSameAs(c);
        assertThatThrownBy(() -> c.requireModel("vanilla"))
                .hasMessage(file + ": model: the file holds a 'rnn' model, expected 'vanilla'");
    }

    @Test
    void loadingChecksShapesAndChangesNothingOnFailure() {
        Path file = dir.resolve("params.json");
        ParameterSet small = network(1, 3); // weight_hh [4, 1]
        small.get("bias").value()[0] = 9.0;
        ParameterFile.write(file, "vanilla", config(), small);

        ParameterSet big = network(2, 3);
        assertThatThrownBy(() -> ParameterFile.load(file, big))
                .isInstanceOf(InterchangeFormatException.class)
                .hasMessage(file + ": tensor 'weight_ih' has shape [4, 3], the network expects [8, 3]; "
                        + "tensor 'weight_hh' has shape [4, 1], the network expects [8, 2]; "
                        + "tensor 'bias' has shape [4], the network expects [8]; "
                        + "tensor 'output.weight' has shape [1, 1], the network expects [1, 2]");
        assertThat(big.get("output.bias").value()).containsExactly(0.0);
    }

    @Test
    void loadingListsMissingAndUnexpectedTensors() {
        ParameterSet written = new ParameterSet();
        written.add(Parameter.vector("bias", 2));
        written.add(Parameter.vector("peephole_i", 2));
        written.add(Parameter.matrix("weight_gate_recurrent", 2, 2));
        Path file = dir.resolve("p.json");
        ParameterFile.write(file, "vanilla", Map.of(), written);

        ParameterSet expected = new ParameterSet();
        expected.add(Parameter.vector("bias", 2));
        expected.add(Parameter.vector("peephole_f", 2));
        expected.add(Parameter.vector("peephole_o", 2));
        assertThatThrownBy(() -> ParameterFile.load(file, expected))
                .hasMessage(file + ": missing tensors 'peephole_f', 'peephole_o'; unexpected tensors 'peephole_i', "
                        + "'weight_gate_recurrent' (the network has no such parameter)");
    }

    @Test
    void refusesToWriteNonFiniteValuesNamingTheTensorAndLeavesNoFile() {
        ParameterSet ps = network(1, 1);
        ps.get("bias").value()[2] = Double.NaN;
        Path file = dir.resolve("nan.json");
        assertThatThrownBy(() -> ParameterFile.write(file, "vanilla", Map.of(), ps))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor 'bias' holds NaN at index 2, which JSON cannot represent");
        ps.get("bias").value()[2] = 0;
        ps.get("output.weight").value()[0] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> ParameterFile.write(file, "vanilla", Map.of(), ps))
                .hasMessageContaining("tensor 'output.weight' holds -Infinity at index 0");
        assertThat(file).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesConfigValuesJsonCannotHold() {
        ParameterSet ps = network(1, 1);
        Path file = dir.resolve("c.json");
        assertThatThrownBy(() -> ParameterFile.write(file, "vanilla", Map.of("dropout", Double.NaN), ps))
                .hasMessage("config.dropout is NaN, which JSON cannot represent");
        assertThatThrownBy(() -> ParameterFile.write(file, "vanilla", Map.of("seed", new Object()), ps))
                .hasMessageStartingWith("config.seed is a Object; only strings");
        assertThatThrownBy(() -> ParameterFile.write(file, " ", Map.of(), ps)).hasMessage("model id must not be empty");
    }

    @Test
    void overwritesAnExistingFile() throws IOException {
        Path file = dir.resolve("params.json");
        Files.writeString(file, "old");
        ParameterFile.write(file, "rnn", Map.of(), network(1, 1));
        assertThat(ParameterFile.read(file).model()).isEqualTo("rnn");
        assertThat(dir).isDirectoryContaining(p -> p.equals(file)).isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
    }
}
