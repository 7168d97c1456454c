package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.reports.experiment.ExperimentParser;
import org.lstmrepro.reports.experiment.TrialPlanner;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * Regression (issue 11): the trial key ignored derivativeClip, weightInit and recurrentInit, so an
 * experiment with {@code derivativeClip: 10} run into a store holding the unclipped run printed "1
 * already in the store" and reported the unclipped record, and an experiment listing the model with
 * and without clipping was refused as a repeat.
 */
class TrialKeyRegressionTest {

    private static final String PLAIN = """
            name: clip
            budget: 40
            tasks: [{id: adding, settings: {length: 22}}]
            models:
              - model: vanilla
                options: {hiddenSize: 2}
            """;

    @Test
    void aClippedRunIsNotTakenForTheUnclippedOneInTheStore(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, PLAIN);
        Path clipped = dir.resolve("clipped.yaml");
        Files.writeString(clipped, PLAIN.replace("{hiddenSize: 2}", "{hiddenSize: 2, derivativeClip: 10}"));
        Path store = dir.resolve("store");

        CliRun first = CliRun.of("reproduce", plain.toString(), "--out", store.toString());
        assertThat(first.status()).as(first.err()).isZero();
        CliRun second = CliRun.of("reproduce", clipped.toString(), "--out", store.toString());
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).contains("1 trials: 0 already in the store, 1 to run");

        List<TrialRecord> records = new ResultsStore(store).readAll();
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> (Object) ((Map<?, ?>) r.settings().get("network")).get("derivativeClip"))
                .containsExactlyInAnyOrder(0.0, 10.0);
    }

    @Test
    void oneExperimentMayListTheModelWithAndWithoutEachOptionTheKeyUsedToMiss() {
        String text = PLAIN + """
                  - model: vanilla
                    options: {hiddenSize: 2, derivativeClip: 10}
                  - model: vanilla
                    options: {hiddenSize: 2, weightInit: "gaussian:0.1"}
                  - model: vanilla
                    options: {hiddenSize: 2, recurrentInit: orthogonal}
                """;
        assertThat(TrialPlanner.plan(ExperimentParser.parse("both.yaml", text))).hasSize(4);
    }
}
