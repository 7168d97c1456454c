package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstmrepro.reports.cli.InterchangeFixtures.map;
import static org.lstmrepro.reports.cli.InterchangeFixtures.modelFile;
import static org.lstmrepro.reports.cli.InterchangeFixtures.sequence;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.io.SequenceFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A gradient file names what it holds: with derivative clipping on, not the plain rule. */
class GradientLabelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode gradient(Path dir, String name, double clip, String rule) throws Exception {
        Path config = modelFile(dir, name + ".json", "vanilla", map("inputSize", 2, "hiddenSize", 3, "outputSize", 2,
                "variant", "vanilla", "derivativeClip", clip));
        Path seq = dir.resolve("seq.json");
        if (!Files.exists(seq)) {
            SequenceFile.write(seq, sequence(2, 2, 8, false, 3));
        }
        Path out = dir.resolve(name + "-g.json");
        CliRun run = CliRun.of("gradient", "--init-seed", "4", "--config", config.toString(), "--sequence", seq.toString(),
                "--rule", rule, "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        return JSON.readTree(out.toFile());
    }

    @Test
    void derivativeClippingIsInTheRuleLabelAndChangesTheNumbers(@TempDir Path dir) throws Exception {
        JsonNode exact = gradient(dir, "exact", 0, "bptt");
        JsonNode clipped = gradient(dir, "clipped", 1e-4, "bptt");
        JsonNode windows = gradient(dir, "windows", 2.5, "tbptt:3,4");
        assertThat(exact.get("rule").asText()).isEqualTo("bptt");
        assertThat(clipped.get("rule").asText()).isEqualTo("bptt+derivativeClip:1.0E-4");
        assertThat(windows.get("rule").asText()).isEqualTo("tbptt:3,4+derivativeClip:2.5");
        assertThat(gradient(dir, "truncated", 0, "truncated1997").get("rule").asText()).isEqualTo("truncated1997");
        // the label is not cosmetic: a limit this small changes the LSTM layer's numbers, not the output layer's
        assertThat(clipped.get("gradients").get("weight_ih")).isNotEqualTo(exact.get("gradients").get("weight_ih"));
        assertThat(clipped.get("gradients").get("output.weight")).isEqualTo(exact.get("gradients").get("output.weight"));
    }
}
