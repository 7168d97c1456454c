package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.io.ParameterFile;

import com.fasterxml.jackson.databind.ObjectMapper;

class TrainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(CliRun run) throws Exception {
        List<String> lines = run.outLines();
        return JSON.readValue(lines.get(lines.size() - 1), Map.class);
    }

    @Test
    void aTinyRunEndsWithAJsonSummaryOfItsSettingsAndResult() throws Exception {
        CliRun run = CliRun.of("train", "--model", "original1997", "--task", "adding", "--length", "30",
                "--seed", "4", "--max-sequences", "200", "--test-seed", "5", "--progress-seconds", "0");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> s = summary(run);
        assertThat(s.get("status")).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(s.get("sequences")).isEqualTo(200);
        assertThat(s.get("testSize")).isEqualTo(2560);
        assertThat((Integer) s.get("testErrors")).isBetween(0, 2560);
        assertThat(s).containsKeys("seconds", "testMse", "settings");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) s.get("settings");
        // The paper's settings are the defaults (1997 Experiment 4).
        assertThat(settings).containsEntry("rule", "truncated1997").containsEntry("learningRate", 0.5)
                .containsEntry("schedule", "online").containsEntry("weights", 93)
                .containsEntry("stopWindow", 2000).containsEntry("stopError", 0.01).containsEntry("seed", 4);
        // task settings are JSON numbers, not the text they were given as
        assertThat(settings.get("taskSettings")).isEqualTo(Map.of("length", 30, "firstPair", "zero"));
        assertThat(run.err()).contains("sequences |", "seq/s");
    }

    @Test
    void traceBoundsTrainThroughTheGenericRuleAndChangeOnlyWhatTheyBound() throws Exception {
        // A bound no trace reaches leaves the run as it was (the generic rule gives the fused rule's numbers);
        // a tight bound on the cells' constant sources changes the run.
        String[] base = {"train", "--model", "original1997", "--task", "adding", "--length", "30", "--seed", "3",
                "--max-sequences", "300", "--quiet", "--output-activation", "linear"};
        Map<String, Object> plain = summary(CliRun.of(base));
        Map<String, Object> loose = summary(CliRun.of(concat(base, "--weight-groups", "cell.bias=trace:1e300")));
        Map<String, Object> tight = summary(CliRun.of(concat(base, "--weight-groups", "cell.bias=trace:0.01;cell.gates=trace:0.01")));
        assertThat(loose.get("testMse")).isEqualTo(plain.get("testMse"));
        assertThat(tight.get("testMse")).isNotEqualTo(plain.get("testMse"));
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) tight.get("settings");
        assertThat(settings.toString()).contains("cell.bias=trace:0.01;cell.gates=trace:0.01");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theSameSeedReproducesTheRunExactly() throws Exception {
        String[] args = {"train", "--model", "original1997", "--task", "temporal-order-6a", "--seed", "9",
                "--max-sequences", "100", "--quiet"};
        Map<String, Object> a = summary(CliRun.of(args));
        Map<String, Object> b = summary(CliRun.of(args));
        a.remove("seconds");
        b.remove("seconds");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void overridesReachTheRunAndWeightsCanBeSaved(@TempDir Path dir) throws Exception {
        Path params = dir.resolve("p.json");
        CliRun run = CliRun.of("train", "--model", "original1997", "--task", "adding", "--length", "30",
                "--max-sequences", "20", "--quiet", "--lr", "0.1", "--rule", "bptt", "--blocks", "3",
                "--input-gate-bias", "-1", "--save-params", params.toString());
        assertThat(run.status()).as(run.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) summary(run).get("settings");
        assertThat(settings).containsEntry("rule", "bptt").containsEntry("learningRate", 0.1);
        assertThat(Files.exists(params)).isTrue();
        ParameterFile.Contents saved = ParameterFile.read(params);
        assertThat(saved.model()).isEqualTo("original1997");
        assertThat(saved.config()).containsEntry("blocks", 3);
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vanilla", "vanilla:NFG", "vanilla:CIFG", "rnn", "gru"})
    void theGreffFamilyAndBaselinesTrainWithBptt(String model) throws Exception {
        CliRun run = CliRun.of("train", "--model", model, "--task", "adding", "--length", "30",
                "--max-sequences", "20", "--quiet", "--hidden", "4");
        assertThat(run.status()).as(run.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) summary(run).get("settings");
        assertThat(settings).containsEntry("rule", "bptt").containsEntry("schedule", "sequence");
        assertThat((String) settings.get("optimizer")).startsWith("nesterov");
    }

    @Test
    void aDivergingRunIsReportedNotThrown() throws Exception {
        CliRun run = CliRun.of("train", "--model", "rnn", "--task", "adding", "--length", "30",
                "--max-sequences", "500", "--quiet", "--lr", "1e6", "--optimizer", "sgd", "--output-activation", "linear");
        assertThat(run.status()).as(run.err()).isZero();
        Map<String, Object> s = summary(run);
        assertThat(s.get("status")).isEqualTo("DIVERGED");
        assertThat(s.get("divergence")).isNotNull();
        assertThat(s.get("testErrors")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--model=lstm", "--model=vanilla:XYZ", "--rule=truncated", "--rule=tbptt:0,5", "--optimizer=rmsprop",
        "--clip=norm:-1", "--schedule=sometimes", "--max-sequences=0", "--blocks=0", "--input-gate-bias=1,2,3",
        "--derivative-clip=5", "--hidden=4", "--forget-gate-bias=1", "--weight-init=gaussian:0.1",
        "--recurrent-init=orthogonal", "--weight-groups=output.bias=trace:1", "--weight-groups=cell.bias=trace:0"})
    void badSettingsAreOneLineErrorsWithStatus2(String bad) {
        String option = bad.substring(0, bad.indexOf('='));
        java.util.List<String> args = new java.util.ArrayList<>(List.of("train", "--task", "adding", "--quiet", bad));
        if (!option.equals("--model")) {
            args.addAll(List.of("--model", "original1997"));
        }
        if (!option.equals("--max-sequences")) {
            args.addAll(List.of("--max-sequences", "10"));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void derivativeClippingReachesTheVanillaNetworkAndItsSavedConfig(@TempDir Path dir) throws Exception {
        Path params = dir.resolve("v.json");
        CliRun run = CliRun.of("train", "--model", "vanilla:NP", "--task", "adding", "--length", "30", "--hidden", "3",
                "--max-sequences", "5", "--quiet", "--derivative-clip", "0.5", "--save-params", params.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(ParameterFile.read(params).config()).containsEntry("derivativeClip", 0.5).containsEntry("variant", "NP");
    }

    @Test
    void initialisationOptionsReachTheVanillaFamily(@TempDir Path dir) throws Exception {
        Path params = dir.resolve("g.json");
        CliRun run = CliRun.of("train", "--model", "gru", "--task", "adding", "--length", "30", "--hidden", "3",
                "--max-sequences", "5", "--quiet", "--weight-init", "gaussian:0.05", "--recurrent-init", "orthogonal",
                "--save-params", params.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(ParameterFile.read(params).config()).containsEntry("initWeights", "gaussian")
                .containsEntry("initScale", 0.05).containsEntry("initRecurrent", "orthogonal");
        CliRun bad = CliRun.of("train", "--model", "vanilla", "--task", "adding", "--quiet", "--weight-init", "normal:1");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("uniform:R or gaussian:S");
        CliRun both = CliRun.of("train", "--model", "rnn", "--task", "adding", "--quiet", "--weight-init", "uniform:0.2",
                "--init-range", "0.1");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("keep one");
    }

    @Test
    void theTruncatedRuleIsRefusedForANetworkWithoutACarousel() {
        CliRun run = CliRun.of("train", "--model", "rnn", "--task", "adding", "--rule", "truncated1997", "--quiet");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("constant error carousel");
    }
}
