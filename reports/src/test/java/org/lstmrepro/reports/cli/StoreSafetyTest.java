package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.reports.store.Provenance;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.StoreLock;

/** What {@code reproduce} does to keep finished work: code checks, the lock, unreadable records, --out checks. */
class StoreSafetyTest {

    static final String SMALL = """
            name: small
            seeds: 1
            budget: 200
            tasks:
              - id: adding
                settings: {length: 22}
            models:
              - model: original1997
              - model: rnn
            """;

    @TempDir
    static Path shared;
    static Path file;
    static Path done;

    @BeforeAll
    static void runOnce() throws IOException {
        file = Files.writeString(shared.resolve("small.yaml"), SMALL);
        done = shared.resolve("done");
        CliRun run = CliRun.of("reproduce", file.toString(), "--out", done.toString(), "--workers", "1");
        assertThat(run.status()).as(run.err()).isZero();
    }

    /** Every file under {@code dir} with its bytes (but the informative lock file), to show a refused run changed nothing. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.endsWith(StoreLock.FILE)).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    static Path copy(Path dir) throws IOException {
        Path to = Files.createTempDirectory(shared, "copy");
        Files.createDirectories(to.resolve("trials"));
        try (Stream<Path> s = Files.list(dir.resolve("trials"))) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve("trials").resolve(p.getFileName()));
            }
        }
        return to;
    }

    @Test
    void everyRecordCarriesTheProvenanceOfTheRunningCode() {
        assertThat(new ResultsStore(done).readAll()).hasSize(2).allSatisfy(r -> {
            assertThat(r.provenance()).isEqualTo(Provenance.current());
            assertThat(r.commit()).isEqualTo(Provenance.current().code());
        });
    }

    @Test
    void resumingAStoreOfOtherCodeIsRefusedUnlessAllowed() throws IOException {
        Path dir = copy(done);
        Path one;
        try (Stream<Path> s = Files.list(dir.resolve("trials"))) {
            one = s.sorted().findFirst().orElseThrow();
        }
        String other = "fedcba9876543210fedcba9876543210fedcba98";
        Files.writeString(one, Files.readString(one).replace("\"commit\":\"" + Provenance.current().code() + "\"",
                "\"commit\":\"" + other + "\""));
        Map<String, String> before = snapshot(dir);
        CliRun refused = CliRun.of("reproduce", file.toString(), "--out", dir.toString(), "--seeds", "2");
        assertThat(refused.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(refused.errLines()).singleElement().asString().contains("holds trials of other code: " + other + " (1 trial)")
                .contains("--allow-mixed-code");
        assertThat(snapshot(dir)).isEqualTo(before);

        CliRun allowed = CliRun.of("reproduce", file.toString(), "--out", dir.toString(), "--seeds", "2", "--allow-mixed-code");
        assertThat(allowed.status()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("warning: " + dir + " holds trials of other code: " + other);
        assertThat(new ResultsStore(dir).codes()).containsEntry(other, 1).containsEntry(Provenance.current().code(), 3);
        assertThat(Files.readString(dir.resolve("report.md"))).contains("`" + other + "` (1 trial)");
    }

    @Test
    void aSecondRunOnAStoreInUseExitsNamingTheHolder() throws IOException {
        Path dir = copy(done);
        Map<String, String> before = snapshot(dir);
        try (StoreLock held = new ResultsStore(dir).lock()) {
            CliRun second = CliRun.of("reproduce", file.toString(), "--out", dir.toString(), "--seeds", "2");
            assertThat(second.status()).isEqualTo(Main.EXIT_USAGE);
            assertThat(second.errLines()).singleElement().asString()
                    .contains("another run is writing into this results store (pid " + ProcessHandle.current().pid());
        }
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aTruncatedRecordIsMovedAsideNamedAndRunAgain() throws IOException {
        Path dir = copy(done);
        Path one;
        try (Stream<Path> s = Files.list(dir.resolve("trials"))) {
            one = s.sorted().findFirst().orElseThrow();
        }
        String whole = Files.readString(one);
        Files.writeString(one, whole.substring(0, 40));
        Files.createFile(dir.resolve("trials").resolve("." + one.getFileName() + ".0badc0de.tmp"));
        CliRun again = CliRun.of("reproduce", file.toString(), "--out", dir.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.err()).contains("warning: " + one + " does not parse as a trial record; moved to "
                + dir.resolve("unreadable").resolve(one.getFileName()) + " and its trial runs again")
                .contains("2 trials: 1 already in the store, 1 to run");
        assertThat(TinyRecords.withoutRunFields(Files.readString(one))).isEqualTo(TinyRecords.withoutRunFields(whole));
        try (Stream<Path> s = Files.list(dir.resolve("trials"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json")).hasSize(2);
        }
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTheFirstTrial() throws IOException {
        Path notADir = Files.writeString(shared.resolve("a-file"), "keep me");
        CliRun run = CliRun.of("reproduce", file.toString(), "--out", notADir.toString());
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.errLines()).singleElement().asString().contains(notADir + ": is a file");
        assertThat(Files.readString(notADir)).isEqualTo("keep me");
        CliRun under = CliRun.of("reproduce", file.toString(), "--out", notADir.resolve("store").toString());
        assertThat(under.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(under.errLines()).singleElement().asString().contains("cannot write results here");
    }
}
