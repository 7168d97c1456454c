package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Golden tests against PyTorch: parameters, a sequence, and the loss, outputs and gradient that
 * {@code torch.nn.LSTM} (our vanilla:NP), {@code torch.nn.GRU} and {@code torch.nn.RNN}, each with a linear
 * output layer, computed for them (float64, autograd). The fixtures under {@code golden/pytorch} were
 * written once by {@code scripts/pytorch-golden.py}; this test needs no Python. Our {@code gradient}
 * command reads the same files and must agree to rounding (float64 on both sides, different summation
 * orders: 1e-12 relative to the largest magnitude of each tensor).
 */
class GoldenPyTorchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-12;

    private static Path fixture(String name) throws Exception {
        return Path.of(GoldenPyTorchTest.class.getResource("/golden/pytorch/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm-np", "gru", "rnn"})
    void ourGradientCommandAgreesWithPyTorch(String name, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("ours.json");
        CliRun run = CliRun.of("gradient", "--params", fixture(name + "-params.json").toString(),
                "--sequence", fixture(name + "-sequence.json").toString(), "--rule", "bptt", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode ours = JSON.readTree(Files.readString(out));
        JsonNode torch = JSON.readTree(Files.readString(fixture(name + "-gradient.json")));

        assertThat(ours.get("loss").asDouble()).isCloseTo(torch.get("loss").asDouble(),
                within(TOLERANCE * Math.abs(torch.get("loss").asDouble())));
        assertClose(name + " outputs", flatten(ours.get("outputs")), flatten(torch.get("outputs")));
        List<String> names = new ArrayList<>();
        torch.get("gradients").fieldNames().forEachRemaining(names::add);
        assertThat(names).isNotEmpty();
        List<String> ourNames = new ArrayList<>();
        ours.get("gradients").fieldNames().forEachRemaining(ourNames::add);
        assertThat(ourNames).containsExactlyInAnyOrderElementsOf(names);
        for (Map.Entry<String, JsonNode> e : torch.get("gradients").properties()) {
            JsonNode mine = ours.get("gradients").get(e.getKey());
            assertThat(mine.get("shape")).as(e.getKey()).isEqualTo(e.getValue().get("shape"));
            assertClose(name + " " + e.getKey(), flatten(mine.get("values")), flatten(e.getValue().get("values")));
        }
    }

    private static void assertClose(String what, double[] ours, double[] theirs) {
        assertThat(ours).as(what).hasSameSizeAs(theirs);
        double scale = 0;
        for (double v : theirs) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(scale).as(what + " is not all zero").isPositive();
        for (int i = 0; i < theirs.length; i++) {
            assertThat(ours[i]).as("%s[%d]", what, i).isCloseTo(theirs[i], within(TOLERANCE * scale));
        }
    }

    private static double[] flatten(JsonNode node) {
        List<Double> out = new ArrayList<>();
        collect(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else {
            out.add(node.asDouble());
        }
    }
}
