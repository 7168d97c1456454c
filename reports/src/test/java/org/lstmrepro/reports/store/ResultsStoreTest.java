package org.lstmrepro.reports.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.train.RunStatus;

class ResultsStoreTest {

    static TrialRecord record(String key, RunStatus status) {
        return new TrialRecord(key, "exp", "adding(length=100)", "original1997/truncated1997",
                Map.of("model", "original1997"), Map.of("learningRate", 0.5), status, 1234, 1, 2560, 0.001, 0.5, 7,
                1.5, List.of(new double[] {1000, 0.04, 0.2}, new double[] {2000, 0.01, 0.9}), null, "abc");
    }

    @Test
    void roundTripsRecordsAndListsTheirKeys(@TempDir Path dir) {
        ResultsStore store = new ResultsStore(dir);
        assertThat(store.readAll()).isEmpty();
        store.write(record("b", RunStatus.SOLVED));
        store.write(record("a", RunStatus.DIVERGED));
        assertThat(store.keys()).containsExactly("a", "b");
        assertThat(store.has("a")).isTrue();
        assertThat(store.has("c")).isFalse();
        List<TrialRecord> all = store.readAll();
        assertThat(all).extracting(TrialRecord::key).containsExactly("a", "b");
        TrialRecord b = all.get(1);
        assertThat(b.solved()).isTrue();
        assertThat(b.sequences()).isEqualTo(1234);
        assertThat(b.learningCurve().get(1)).containsExactly(2000, 0.01, 0.9);
        assertThat(b.settings()).containsEntry("learningRate", 0.5);
    }

    @Test
    void leavesNoTemporaryFilesAndReplacesARecordWithTheSameKey(@TempDir Path dir) throws Exception {
        ResultsStore store = new ResultsStore(dir);
        store.write(record("a", RunStatus.BUDGET_EXHAUSTED));
        store.write(record("a", RunStatus.SOLVED));
        try (var files = Files.list(dir.resolve("trials"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.json");
        }
        assertThat(store.readAll().get(0).status()).isEqualTo(RunStatus.SOLVED);
    }

    @Test
    void aCorruptRecordIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("trials"));
        Files.writeString(dir.resolve("trials/x.json"), "{not json");
        assertThatThrownBy(() -> new ResultsStore(dir).readAll()).hasMessageContaining("x.json");
    }

    @Test
    void prepareRemovesStaleTemporariesAndMovesAnUnreadableRecordAside(@TempDir Path dir) throws Exception {
        ResultsStore store = new ResultsStore(dir);
        store.write(record("a", RunStatus.SOLVED));
        store.write(record("b", RunStatus.SOLVED));
        Path trials = dir.resolve("trials");
        String whole = Files.readString(trials.resolve("b.json"));
        Files.writeString(trials.resolve("b.json"), whole.substring(0, whole.length() / 2));
        Files.createFile(trials.resolve(".a.json.1f2e3d4c.tmp"));
        Files.createFile(trials.resolve("a.123456.tmp")); // the older writer's temporary names
        Files.writeString(trials.resolve("c.json"), "{}"); // parses, but is not a record
        List<Path[]> moved = store.prepare();
        assertThat(moved).extracting(m -> m[0].getFileName().toString()).containsExactly("b.json", "c.json");
        assertThat(moved.get(0)[1]).isEqualTo(dir.resolve("unreadable/b.json"));
        assertThat(Files.readString(dir.resolve("unreadable/b.json"))).isEqualTo(whole.substring(0, whole.length() / 2));
        try (var files = Files.list(trials)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.json");
        }
        assertThat(store.keys()).containsExactly("a");
        // a second unreadable b is kept beside the first, not over it
        Files.writeString(trials.resolve("b.json"), "");
        assertThat(store.prepare()).singleElement().satisfies(m -> assertThat(m[1]).isEqualTo(dir.resolve("unreadable/b.json.2")));
    }

    @Test
    void aSecondLockOnTheStoreFailsNamingTheHolder(@TempDir Path dir) {
        ResultsStore store = new ResultsStore(dir);
        try (StoreLock first = store.lock()) {
            assertThatThrownBy(store::lock).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another run is writing into this results store")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        store.lock().close(); // released: free again
    }

    @Test
    void recordsAreCreatedWithTheUmaskNotOwnerOnly(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain")); // the mode any new file gets under this umask
        new ResultsStore(dir).write(record("a", RunStatus.SOLVED));
        assertThat(Files.getPosixFilePermissions(dir.resolve("trials/a.json")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aStoreThatIsAFileOrUnderAFileIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> new ResultsStore(file).requireWritable()).hasMessageContaining("is a file");
        assertThatThrownBy(() -> new ResultsStore(file.resolve("sub")).requireWritable())
                .hasMessageContaining("cannot write results here");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    /** Read back strictly: a record with an unknown key, a wrong type or a duplicate key names the problem. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "\"status\":\"SOLVED\"|\"status\":\"WON\"|status: expected one of SOLVED, EARLY_STOPPED, BUDGET_EXHAUSTED, DIVERGED, found the string \"WON\"",
        "\"sequences\":1234|\"sequences\":\"1234\"|sequences: expected an integer, found the string \"1234\"",
        "\"seed\":7|\"seed\":7,\"colour\":1|unknown key 'colour' (known: key, experiment,",
        "\"seed\":7|\"seed\":7,\"seed\":8|Duplicate field 'seed'",
        "\"status\":\"SOLVED\",|\"status\":null,|its key, status, model or task is null",
    })
    void aRecordThatDoesNotBindIsUnreadableNamingTheKey(String from, String to, String expected, @TempDir Path dir)
            throws Exception {
        ResultsStore store = new ResultsStore(dir);
        store.write(record("a", RunStatus.SOLVED));
        Path file = dir.resolve("trials/a.json");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        assertThatThrownBy(store::readAll).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": not a trial record: ").hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
