package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.reports.store.ResultsStore;

/**
 * The results stores committed under {@code docs/results/} hold records written by earlier code: they
 * still bind (strictly: every key known, every value of its type) and {@code report} still renders them.
 * Run on copies, so the committed reports stay as they are.
 */
class CommittedStoresTest {

    private static final Path RESULTS = Path.of("..", "docs", "results").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"longlag", "greff-jsb-small"})
    void aCommittedStoreStillLoadsAndReports(String name, @TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy.resolve("trials"));
        long files;
        try (Stream<Path> trials = Files.list(RESULTS.resolve(name).resolve("trials"))) {
            files = trials.filter(p -> p.toString().endsWith(".json")).peek(p -> copyTo(p, copy.resolve("trials")))
                    .count();
        }
        assertThat(files).isPositive();
        assertThat(new ResultsStore(copy).readAll()).hasSize((int) files);
        CliRun run = CliRun.of("report", copy.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(copy.resolve("report.md")).isRegularFile();
        assertThat(Files.readString(copy.resolve("report.md"))).contains("from " + files + " trials");
    }

    private static void copyTo(Path file, Path dir) {
        try {
            Files.copy(file, dir.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
