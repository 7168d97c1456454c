package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientFlowCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void oneModelEndToEndWritesNonEmptyPngsAndTheMarkdown() throws IOException {
        Path out = dir.resolve("flow");
        CliRun run = CliRun.of("gradient-flow", "--model", "original1997", "--task", "adding", "--length", "22",
                "--train-sequences", "3", "--sequences", "2", "--seed", "4", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outLines()).contains(out.resolve("error-flow-init.png").toString(),
                out.resolve("error-flow-trained.png").toString(), out.resolve("exploding.png").toString(),
                out.resolve("gates-original1997.png").toString(), out.resolve("cell-states-original1997.png").toString(),
                out.resolve("gradient-flow.md").toString());
        for (String line : run.outLines()) {
            Path file = Path.of(line);
            assertThat(file).exists();
            if (line.endsWith(".png")) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(bytes.length).isGreaterThan(5000);
                assertThat(java.util.Arrays.copyOf(bytes, 8)).containsExactly(PNG_SIGNATURE);
            }
        }
        String md = Files.readString(out.resolve("gradient-flow.md"));
        assertThat(md).contains("original1997 (truncated1997, init)", "original1997 (bptt, trained)", "lag 1",
                "lag 10", "W_c,y^c", "input gate y^in", "after 3 training sequences");
    }

    @Test
    void compareRunsTheStandardSet() throws IOException {
        Path out = dir.resolve("compare");
        CliRun run = CliRun.of("gradient-flow", "--compare", "--length", "22", "--train-sequences", "0",
                "--sequences", "2", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String md = Files.readString(out.resolve("gradient-flow.md"));
        assertThat(md).contains("rnn (bptt, init)", "original1997 (truncated1997, init)", "vanilla (bptt, init)",
                "vanilla:NFG (bptt, init)", "rnn, radius 0.5", "rnn, radius 1.5", "vanilla:NFG, radius 10.0",
                "gru, radius 6.0");
        assertThat(out.resolve("exploding.svg")).isNotEmptyFile();
        assertThat(out.resolve("gates-vanilla-NFG.png")).isNotEmptyFile();
        assertThat(out.resolve("error-flow-trained.png")).doesNotExist();
    }

    @Test
    void badInputIsAOneLineError() {
        assertThat(CliRun.of("gradient-flow", "--model", "rnn", "--rule", "truncated1997", "--train-sequences", "0",
                "--out", dir.toString()).errLines()).singleElement().asString().contains("constant error carousel");
        CliRun clip = CliRun.of("gradient-flow", "--model", "rnn", "--clip", "value:1", "--out", dir.toString());
        assertThat(clip.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(clip.err()).contains("--clip must be norm:T");
        CliRun neither = CliRun.of("gradient-flow", "--out", dir.toString());
        assertThat(neither.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(neither.err()).contains("--model MODEL or --compare");
        CliRun radius = CliRun.of("gradient-flow", "--model", "rnn", "--spectral-radius", "-1", "--out", dir.toString());
        assertThat(radius.err()).contains("--spectral-radius must be positive");
    }
}
