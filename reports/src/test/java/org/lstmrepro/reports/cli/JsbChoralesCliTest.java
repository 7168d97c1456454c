package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** End to end on jsb-chorales: training by epochs, an experiment with the Greff settings, its report. */
class JsbChoralesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void trainRunsEpochsAndReportsTheNllOfTheBestValidationEpoch() throws Exception {
        CliRun run = CliRun.of("train", "--model", "vanilla", "--task", "jsb-chorales", "--hidden", "3",
                "--weight-init", "gaussian:0.1", "--optimizer", "nesterov:0.5", "--lr", "0.01", "--rescale-lr",
                "--max-epochs", "2", "--patience", "1", "--input-noise", "0.1", "--progress-seconds", "0");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        Map<String, Object> s = JSON.readValue(lines.get(lines.size() - 1), Map.class);
        assertThat(s).containsKeys("epochs", "bestEpoch", "validLoss", "testLoss");
        assertThat((Integer) s.get("epochs")).isBetween(1, 2);
        // 88 logistic units: an untrained network is near 88 ln 2 = 61 nats per frame, a trained one far below
        assertThat((Double) s.get("testLoss")).isBetween(1.0, 61.0);
        Map<String, Object> settings = (Map<String, Object>) s.get("settings");
        // lr 0.01 rescaled by (1 - 0.5)
        assertThat((String) settings.get("optimizer")).startsWith("nesterov(lr=0.005");
        assertThat(settings).containsEntry("maxEpochs", 2).containsEntry("patience", 1).containsEntry("inputNoise", 0.1);
        assertThat(run.err()).contains("epoch    1 | training loss");
    }

    @Test
    void epochSettingsOnAGeneratedTaskAreAOneLineError() {
        CliRun run = CliRun.of("train", "--model", "rnn", "--task", "adding", "--max-epochs", "3", "--quiet");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("epochs, patience and input noise apply to a task with a fixed data set");
        CliRun rescale = CliRun.of("train", "--model", "rnn", "--task", "adding", "--optimizer", "adam",
                "--rescale-lr", "--quiet", "--max-sequences", "5");
        assertThat(rescale.status()).isEqualTo(2);
        assertThat(rescale.err()).contains("needs a momentum or nesterov optimizer");
    }

    @Test
    void aRandomSearchOnJsbChoralesEndsInTheGreffReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jsb.yaml");
        Files.writeString(file, """
                name: jsb-tiny
                seed: 3
                samples: 8
                epochs: {max: 1, patience: 1}
                hyperparameters:
                  learningRate: {logUniform: [1.0e-3, 1.0e-2]}
                  momentum: {oneMinusLogUniform: [0.1, 1.0]}
                  inputNoise: {uniform: [0.0, 0.5]}
                tasks: [{id: jsb-chorales}]
                models:
                  - {model: vanilla, rescaleLearningRate: true, options: {weightInit: "gaussian:0.1"},
                     hyperparameters: {hiddenSize: {logUniformInt: [2, 4]}}}
                  - {model: "vanilla:NFG", rescaleLearningRate: true, options: {weightInit: "gaussian:0.1"},
                     hyperparameters: {hiddenSize: {logUniformInt: [2, 4]}}}
                """);
        Path out = dir.resolve("out");
        CliRun list = CliRun.of("reproduce", file.toString(), "--out", out.toString(), "--list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("at most", "estimated CPU time of 16 trials");
        CliRun run = CliRun.of("reproduce", file.toString(), "--out", out.toString(), "--workers", "2");
        assertThat(run.status()).as(run.err()).isZero();
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("### Test NLL per model", "### Against vanilla (best 10 % of trials)",
                "### Hyperparameter importance (fANOVA)", "### The paper's findings on JSB Chorales, here",
                "NFG: significantly worse", "jsb-chorales-nll-all.png",
                "| learningRate | ", "learningRate × momentum", "jsb-chorales-marginal-learningRate.png");
        try (var files = Files.walk(out.resolve("figures"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("jsb-chorales-nll-all.png",
                    "jsb-chorales-marginal-momentum.png");
        }
    }
}
