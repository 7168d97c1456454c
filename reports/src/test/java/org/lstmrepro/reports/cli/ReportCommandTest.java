package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

class ReportCommandTest {

    @Test
    void aMissingDirectoryIsAOneLineErrorWithExitStatus2(@TempDir Path tmp) {
        Path missing = tmp.resolve("runs/x");
        CliRun run = CliRun.of("report", missing.toString());
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("lstm-repro report: " + missing
                + ": no results store here (expected " + missing.resolve("trials").resolve("*.json") + ")");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anEmptyStoreIsAOneLineErrorWithExitStatus2(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("trials"));
        CliRun run = CliRun.of("report", tmp.toString());
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("no results store here");
    }

    @Test
    void printsTheFilesItWrote(@TempDir Path tmp) {
        new ResultsStore(tmp).write(new TrialRecord("k", "e", "adding(length=100)", "original1997/truncated1997", Map.of(),
                Map.of("learningRate", 0.5), RunStatus.SOLVED, 70_000, 1, 2560, 0.001, 0.5, 1, 1.0,
                List.of(new double[] {1000, 0.1, 0.5}, new double[] {70_000, 0.005, 1}), null, "abc"));
        CliRun run = CliRun.of("report", tmp.toString());
        assertThat(run.status()).isZero();
        assertThat(run.outLines()).startsWith(tmp.resolve("report.md").toString(), tmp.resolve("index.html").toString());
        assertThat(run.outLines()).allSatisfy(line -> assertThat(Path.of(line)).isRegularFile());
    }
}
