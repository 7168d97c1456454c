package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.reports.experiment.ExperimentParser;
import org.lstmrepro.reports.experiment.PlannedTrial;
import org.lstmrepro.reports.experiment.TinyExperiments;
import org.lstmrepro.reports.experiment.TrialPlanner;
import org.lstmrepro.reports.store.ResultsStore;

/**
 * Kills {@code reproduce} in a separate JVM after its first trial is written, runs it again, and
 * checks that the store then holds every trial exactly once and that every record parses.
 */
class KillAndResumeTest {

    @Test
    @Timeout(60)
    void aKilledRunResumesToACompleteStore(@TempDir Path dir) throws Exception {
        String experiment = TinyExperiments.TINY.replace("seeds: 2", "seeds: 3");
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, experiment);
        Path out = dir.resolve("out");
        List<String> keys = TrialPlanner.plan(ExperimentParser.parse("tiny.yaml", experiment)).stream()
                .map(PlannedTrial::key).sorted().toList();

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.lstmrepro.reports.cli.Main",
                "reproduce", file.toString(), "--out", out.toString(), "--workers", "1")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("first-run.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (jsonFiles(out).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        p.destroyForcibly().waitFor();
        int afterKill = jsonFiles(out).size();
        assertThat(afterKill).as("the first run wrote a trial before it was killed").isPositive();

        CliRun second = CliRun.of("reproduce", file.toString(), "--out", out.toString(), "--workers", "2");
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).contains(keys.size() + " trials: " + afterKill + " already in the store");
        List<String> names = jsonFiles(out);
        assertThat(names).hasSize(keys.size());
        assertThat(names.stream().map(n -> n.substring(0, n.length() - ".json".length())).toList()).isEqualTo(keys);
        assertThat(new ResultsStore(out).readAll()).extracting(r -> r.key()).isEqualTo(keys);
    }

    private static List<String> jsonFiles(Path out) throws Exception {
        Path trials = out.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(trials)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

}
