package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Experiment 5 (multiplication) end to end: its preset, its stopping rule, and the paper's rows in the report. */
class MultiplicationCliTest {

    @Test
    void aTinyRunUsesThePapersPresetAndStoppingRule() throws Exception {
        CliRun run = CliRun.of("train", "--model", "original1997", "--task", "multiplication", "--set", "nSeq=13",
                "--seed", "2", "--max-sequences", "50", "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> s = run.summary();
        assertThat(s.get("status")).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(s.get("testSize")).isEqualTo(2560);
        assertThat(s).containsKeys("testErrors", "testMse");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) s.get("settings");
        assertThat(settings).containsEntry("learningRate", 0.1).containsEntry("weights", 93)
                .containsEntry("stopWindow", 2000).containsEntry("stopMaxWrong", 12).containsEntry("stopError", "none");
        assertThat(settings.get("taskSettings")).isEqualTo(Map.of("length", 100, "firstPair", "one", "nSeq", 13));
        assertThat((String) settings.get("preset")).contains("section 5.5");
        @SuppressWarnings("unchecked")
        Map<String, Object> network = (Map<String, Object>) settings.get("network");
        assertThat(network.get("inputGateBiases")).as("drawn, not set").isEqualTo(List.of());
        assertThat(network.get("outputGateBiases")).as("drawn, not set").isEqualTo(List.of());
    }

    @Test
    void theCriterionStopsOnceFewerThanNSeqOfTheWindowAreWrong() throws Exception {
        // nSeq = 2000: fewer than 2000 of 2000 wrong, i.e. one correct sequence in a full window, which an
        // untrained network's output near 0.5 gives a few percent of the time (target X1*X2 within 0.04).
        CliRun run = CliRun.of("train", "--model", "original1997", "--task", "multiplication", "--length", "22",
                "--set", "nSeq=2000", "--seed", "3", "--max-sequences", "2500", "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> s = run.summary();
        assertThat(s.get("status")).isEqualTo("SOLVED");
        assertThat(s.get("sequences")).isEqualTo(2000);
    }

    @Test
    void theReportPutsThePapersTwoRowsBesideOurs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exp5.yaml");
        // the paper's rows name length 100, and a report matches the settings the file writes out
        Files.writeString(file, """
                name: exp5
                budget: 3
                tasks: [{id: multiplication, settings: {length: 100, nSeq: [140, 13]}}]
                models: [{model: original1997}]
                """);
        CliRun run = CliRun.of("reproduce", file.toString(), "--out", dir.resolve("out100").toString(), "--workers", "1");
        assertThat(run.status()).as(run.err()).isZero();
        String report = Files.readString(dir.resolve("out100/report.md"));
        assertThat(report).contains("Exp. 5, multiplication, T = 100, n_seq = 140", "Exp. 5, multiplication, T = 100, n_seq = 13",
                "482,000", "1,273,000", "139/2560", "14/2560", "paper's test MSE (mean)", "0.0223", "0.0139");
    }
}
