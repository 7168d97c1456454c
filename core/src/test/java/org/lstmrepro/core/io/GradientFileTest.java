package org.lstmrepro.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;

class GradientFileTest {

    @TempDir
    Path dir;

    private static ParameterSet withGradients() {
        ParameterSet ps = new ParameterSet();
        Parameter w = ps.add(Parameter.matrix("weight_hh", 2, 2));
        Parameter b = ps.add(Parameter.outputVector("output.bias", 1));
        System.arraycopy(new double[] {0.1, -0.0, 1e-300, Double.MIN_VALUE}, 0, w.gradient(), 0, 4);
        b.gradient()[0] = Math.PI;
        w.value()[0] = 42.0; // values must not be written
        return ps;
    }

    @Test
    void roundTripsTheGradientBuffersBitExactly() {
        Path file = dir.resolve("grad.json");
        double[][] outputs = {{0.25}, {1.0 / 3}};
        GradientFile.write(file, "vanilla", "bptt", 0.123, outputs, withGradients());

        GradientFile.Contents c = GradientFile.read(file);
        assertThat(c).isEqualTo(new GradientFile.Contents("vanilla", "bptt", 0.123, outputs, Map.of(
                "weight_hh", new Tensor(new int[] {2, 2}, new double[] {0.1, -0.0, 1e-300, Double.MIN_VALUE}),
                "output.bias", new Tensor(new int[] {1}, new double[] {Math.PI}))));
        assertThat(c.gradients().keySet()).containsExactly("weight_hh", "output.bias");
    }

    @Test
    void readsAHandWrittenFile() throws IOException {
        Path file = dir.resolve("hand.json");
        Files.writeString(file, """
                {"format": "lstm-repro/gradient/v1", "model": "original1997", "rule": "truncated1997",
                 "loss": 2, "outputs": [[0.5, 0.5]],
                 "gradients": {"w": {"shape": [1, 2], "values": [-1, 3.5]}}}
                """);
        GradientFile.Contents c = GradientFile.read(file);
        assertThat(c.model()).isEqualTo("original1997");
        assertThat(c.rule()).isEqualTo("truncated1997");
        assertThat(c.loss()).isEqualTo(2.0);
        assertThat(c.outputs()).isDeepEqualTo(new double[][] {{0.5, 0.5}});
        assertThat(c.gradients()).containsExactly(Map.entry("w", new Tensor(new int[] {1, 2}, new double[] {-1.0, 3.5})));
    }

    @Test
    void refusesNonFiniteNumbersNamingWhich() {
        Path file = dir.resolve("g.json");
        double[][] outputs = {{0.5}};
        ParameterSet ps = withGradients();
        ps.get("output.bias").gradient()[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> GradientFile.write(file, "rnn", "bptt", 1.0, outputs, ps))
                .hasMessage("gradient 'output.bias' holds Infinity at index 0, which JSON cannot represent");
        assertThatThrownBy(() -> GradientFile.write(file, "rnn", "bptt", Double.NaN, outputs, withGradients()))
                .hasMessage("the loss is NaN, which JSON cannot represent");
        assertThatThrownBy(() -> GradientFile.write(file, "rnn", "bptt", 1, new double[][] {{1}, {Double.NaN}}, withGradients()))
                .hasMessage("output at step 1 holds NaN at index 0, which JSON cannot represent");
        assertThatThrownBy(() -> GradientFile.write(file, "rnn", "bptt", 1, new double[][] {{1}, {1, 2}}, withGradients()))
                .hasMessage("output at step 1 is of length 2, step 0 has 1");
        assertThat(file).doesNotExist();
    }
}
