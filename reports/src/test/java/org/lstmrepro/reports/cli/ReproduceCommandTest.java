package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.reports.experiment.TinyExperiments;
import org.lstmrepro.reports.run.ModelRegistry;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ReproduceCommandTest {

    @TempDir
    static Path shared;
    private static Path file;
    private static Path full;
    private static CliRun fullRun;

    @BeforeAll
    static void runTheTinyExperiment() throws IOException {
        file = shared.resolve("tiny.yaml");
        Files.writeString(file, TinyExperiments.TINY);
        full = shared.resolve("full");
        fullRun = CliRun.of("reproduce", file.toString(), "--out", full.toString(), "--workers", "2");
    }

    @Test
    void runsEveryTrialIntoTheStoreAndPrintsASummary() {
        assertThat(fullRun.status()).as(fullRun.err()).isZero();
        assertThat(new ResultsStore(full).keys()).hasSize(6);
        assertThat(fullRun.err()).contains("6 trials: 0 already in the store, 6 to run on 2 workers")
                .contains("6/6 trials done, 0 running, 0 failed");
        assertThat(fullRun.outLines()).hasSize(4);
        assertThat(fullRun.outLines().get(0)).contains("task").contains("model").contains("solved");
        assertThat(fullRun.outLines().subList(1, 4)).satisfiesExactly(
                l -> assertThat(l).matches("adding\\(length=22\\) +original1997/truncated1997 +0/2 +2 +0 +- +\\d+\\.\\d%"),
                l -> assertThat(l).matches("adding\\(length=22\\) +rnn/bptt +0/2 +2 +0 +- +\\d+\\.\\d%"),
                l -> assertThat(l).matches("adding\\(length=22\\) +rnn-exploding +0/2 +0 +2 +- +-"));
    }

    @Test
    void endsWithTheReportRenderedFromTheStore() {
        assertThat(fullRun.err()).contains("report written");
        assertThat(full.resolve("report.md")).exists();
        assertThat(full.resolve("index.html")).exists();
    }

    @Test
    void theGradientFlowPresetWritesTheDiagnostics(@TempDir Path dir) {
        CliRun run = CliRun.of("reproduce", "gradient-flow", "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(dir.resolve("gradient-flow.md")).exists();
        assertThat(dir.resolve("error-flow-init.png")).exists();
        assertThat(dir.resolve("exploding.png")).exists();
        CliRun refused = CliRun.of("reproduce", "gradient-flow", "--seeds", "3");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
    }

    @Test
    void runningAgainSkipsWhatIsDone() {
        CliRun again = CliRun.of("reproduce", file.toString(), "--out", full.toString());
        assertThat(again.status()).isZero();
        assertThat(again.err()).contains("6 trials: 6 already in the store, 0 to run");
        CliRun list = CliRun.of("reproduce", file.toString(), "--out", full.toString(), "--list");
        assertThat(list.outLines()).hasSize(6).allMatch(l -> l.matches("[0-9a-f]{16}  done .*seed \\d"));
    }

    @Test
    void shardsMergeIntoTheSameRecordsAsOneRun(@TempDir Path dir) {
        for (String shard : List.of("1/2", "2/2")) {
            CliRun r = CliRun.of("reproduce", file.toString(), "--out", dir.resolve("s" + shard.charAt(0)).toString(),
                    "--shard", shard, "--workers", "1");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.err()).contains("shard " + shard + ": 3 of 6 trials");
        }
        CliRun merge = CliRun.of("merge", dir.resolve("m").toString(), dir.resolve("s1").toString(), dir.resolve("s2").toString());
        assertThat(merge.status()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("merged 6 records from 2 stores").contains("6 added, 0 were there already");
        assertThat(records(dir.resolve("m"))).isEqualTo(records(full));
        CliRun again = CliRun.of("merge", dir.resolve("m").toString(), full.toString());
        assertThat(again.status()).as("same trials from another run agree").isZero();
        assertThat(again.out()).contains("0 added, 6 were there already");
    }

    @Test
    void aConflictingRecordStopsTheMergeBeforeItWritesAnything(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other/trials");
        Files.createDirectories(other);
        TrialRecord r = new ResultsStore(full).readAll().get(0);
        Path source = full.resolve("trials/" + r.key() + ".json");
        Files.writeString(other.resolve(r.key() + ".json"), Files.readString(source).replace("\"status\":\"" + r.status() + "\"",
                "\"status\":\"SOLVED\""));
        CliRun merge = CliRun.of("merge", dir.resolve("m").toString(), full.toString(), dir.resolve("other").toString());
        assertThat(merge.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(merge.errLines()).singleElement().asString()
                .startsWith("lstm-repro merge: trial " + r.key() + " differs between").endsWith("(status): refusing to merge");
        assertThat(dir.resolve("m/trials")).doesNotExist();
    }

    @Test
    void aMalformedFileIsOneLineAndRunsNothing(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\ntasks: [{id: adding}]\nmodels: [{model: rnn}, {model: lstm}]\n");
        CliRun r = CliRun.of("reproduce", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.errLines()).containsExactly("lstm-repro reproduce: " + bad
                + ": models[1].model: unknown model 'lstm' (known: " + ModelRegistry.usage() + ")");
        assertThat(ModelRegistry.usage()).startsWith("original1997, vanilla[:VARIANT], rnn, gru");
        assertThat(dir.resolve("out")).doesNotExist();
        CliRun unknown = CliRun.of("reproduce", "no-such-preset");
        assertThat(unknown.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(unknown.err()).startsWith("lstm-repro reproduce: 'no-such-preset' is neither an experiment file nor a preset (presets: quick,");
        assertThat(CliRun.of("reproduce", bad.toString(), "--shard", "3/2").err()).contains("1 <= i <= n");
    }

    @Test
    void printsASlurmJobArrayScriptThatRunsAFixedJarWithAbsolutePaths(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("built.jar"), "the jar of this build");
        Path out = tmp.resolve("run");
        System.setProperty(SlurmScriptCommand.JAR_PROPERTY, jar.toString());
        try {
            CliRun r = CliRun.of("slurm-script", "hochreiter1997", "--shards", "8", "--time", "02:00:00", "--cpus", "1",
                    "--out", out.toString());
            assertThat(r.status()).as(r.err()).isZero();
            String java = "java --add-modules jdk.incubator.vector -jar " + out.resolve("lstm-repro.jar");
            assertThat(r.outLines()).contains("#!/bin/bash", "#SBATCH --array=1-8", "#SBATCH --cpus-per-task=1",
                    "#SBATCH --time=02:00:00", "#SBATCH --output=" + out.resolve("logs") + "/hochreiter1997-%A_%a.log",
                    "#   " + java + " merge " + out + " " + out + "/shards/*/",
                    "#   " + java + " report " + out,
                    java + " reproduce hochreiter1997 --out " + out + "/shards/$SLURM_ARRAY_TASK_ID"
                            + " --workers $SLURM_CPUS_PER_TASK --shard $SLURM_ARRAY_TASK_ID/8");
            assertThat(r.out()).contains("reproduce hochreiter1997 --out " + out + " --list");
            // the tasks run the copy, made when the script was written, and log into the run folder
            assertThat(Files.readString(out.resolve("lstm-repro.jar"))).isEqualTo("the jar of this build");
            assertThat(out.resolve("logs")).isDirectory();
            assertThat(r.out()).doesNotContain("./lstm-repro", "cd ");
        } finally {
            System.clearProperty(SlurmScriptCommand.JAR_PROPERTY);
        }
        assertThat(CliRun.of("slurm-script", "quick", "--shards", "2", "--time", "soon").errLines())
                .containsExactly("lstm-repro slurm-script: --time must be HH:MM:SS (or D-HH:MM:SS), was 'soon'");
        // not run from a jar (as here, from classes): one line that says how to run it
        assertThat(CliRun.of("slurm-script", "quick", "--shards", "2", "--cpus", "1", "--out", tmp.resolve("x").toString())
                .errLines()).singleElement().asString().contains("copies the jar it runs from");
    }

    private static List<ObjectNode> records(Path dir) {
        return new ResultsStore(dir).readAll().stream().map(TinyExperiments::withoutWallTime).toList();
    }
}
