package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.Provenance;
import org.lstmrepro.reports.store.ResultsStore;
import org.lstmrepro.reports.store.TrialRecord;

class ExperimentRunnerTest {

    private static final Experiment TINY = ExperimentParser.parse("tiny.yaml", TinyExperiments.TINY);
    private static final List<PlannedTrial> TRIALS = TrialPlanner.plan(TINY);
    private static final Provenance TEST_CODE = new Provenance("0123456789abcdef0123456789abcdef01234567", true, "1.0",
            "2026-01-01T00:00:00Z", "17", "Linux", java.util.Map.of("ejml", "0.44.0"));

    /** The tiny experiment run once on two workers, shared by the tests that only read it. */
    @TempDir
    static Path shared;
    private static ResultsStore twoWorkers;
    private static RunOutcome twoWorkersOutcome;

    @BeforeAll
    static void runOnTwoWorkers() {
        twoWorkers = new ResultsStore(shared);
        twoWorkersOutcome = new ExperimentRunner(twoWorkers, 2, TEST_CODE, RunListener.NONE).run("tiny", TRIALS);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfWorkers(@TempDir Path dir) {
        ResultsStore one = new ResultsStore(dir);
        RunOutcome a = new ExperimentRunner(one, 1, TEST_CODE, RunListener.NONE).run("tiny", TRIALS);
        assertThat(a.succeeded()).isTrue();
        assertThat(twoWorkersOutcome.finished()).isEqualTo(TRIALS.size());
        List<TrialRecord> ra = one.readAll();
        assertThat(ra).hasSize(TRIALS.size());
        assertThat(twoWorkers.readAll().stream().map(TinyExperiments::withoutWallTime).toList())
                .isEqualTo(ra.stream().map(TinyExperiments::withoutWallTime).toList());
        // the seeds and models did give different results, so the equality above is not vacuous
        assertThat(ra.stream().map(TrialRecord::testMse).distinct().count()).isGreaterThan(2);
    }

    @Test
    void fillsTheRecordFromTheSpecTheSettingsAndTheResult() {
        PlannedTrial first = TRIALS.get(0);
        TrialRecord r = twoWorkers.readAll().stream().filter(x -> x.key().equals(first.key())).findFirst().orElseThrow();
        assertThat(r.experiment()).isEqualTo("tiny");
        assertThat(r.taskLabel()).isEqualTo("adding(length=22)");
        assertThat(r.modelLabel()).isEqualTo("original1997/truncated1997");
        assertThat(r.spec()).containsEntry("model", "original1997").containsEntry("maxSequences", 1000);
        assertThat(r.settings()).containsEntry("rule", "truncated1997").containsEntry("learningRate", 0.5);
        assertThat(r.learningRate()).isEqualTo(0.5);
        assertThat(r.seed()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(r.sequences()).isEqualTo(1000);
        assertThat(r.testSize()).isEqualTo(2560);
        assertThat(r.commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567-dirty");
        assertThat(r.provenance()).isEqualTo(TEST_CODE);
        // [sequences, recentError, recentCorrect] and the 1997 net's input-gate weights (2 blocks x 2 inputs)
        assertThat(r.curveColumns()).containsExactly("w_in1_x1", "w_in1_x2", "w_in2_x1", "w_in2_x2");
        assertThat(r.learningCurve()).isNotEmpty().allSatisfy(p -> assertThat(p).hasSize(3 + 4));
        // the run never got half of its window right within 1000 sequences
        assertThat(r.plateauEnd()).isNull();
        assertThat(r.divergence()).isNull();
    }

    @Test
    void aDivergedTrialIsRecordedAndTheRunGoesOn() {
        assertThat(twoWorkersOutcome.succeeded()).isTrue();
        List<TrialRecord> all = twoWorkers.readAll();
        assertThat(all).hasSize(TRIALS.size());
        List<TrialRecord> exploding = all.stream().filter(r -> r.modelLabel().equals("rnn-exploding")).toList();
        assertThat(exploding).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
            assertThat(r.divergence()).containsKey("what");
            assertThat(r.testErrors()).isNull();
        });
    }

    @Test
    void resumesSkippingTheTrialsAlreadyInTheStore(@TempDir Path dir) throws IOException {
        copyTrials(shared, dir);
        ResultsStore store = new ResultsStore(dir);
        Files.delete(dir.resolve("trials/" + TRIALS.get(1).key() + ".json"));
        Files.delete(dir.resolve("trials/" + TRIALS.get(4).key() + ".json"));
        List<String> ran = new CopyOnWriteArrayList<>();
        RunOutcome again = new ExperimentRunner(store, 2, TEST_CODE, new RunListener() {
            @Override
            public void trialStarted(PlannedTrial t) {
                ran.add(t.key());
            }
        }).run("tiny", TRIALS);
        assertThat(ran).containsExactlyInAnyOrder(TRIALS.get(1).key(), TRIALS.get(4).key());
        assertThat(again.skipped()).isEqualTo(TRIALS.size() - 2);
        assertThat(again.finished()).isEqualTo(2);
        assertThat(store.readAll().stream().map(TinyExperiments::withoutWallTime).toList())
                .isEqualTo(twoWorkers.readAll().stream().map(TinyExperiments::withoutWallTime).toList());
        RunOutcome complete = new ExperimentRunner(store, 2, TEST_CODE, RunListener.NONE).run("tiny", TRIALS);
        assertThat(complete.finished()).isZero();
        assertThat(complete.skipped()).isEqualTo(TRIALS.size());
    }

    @Test
    void aTrialThatThrowsIsReportedWithItsKeyAndTheOthersFinish(@TempDir Path dir) {
        String broken = TRIALS.get(2).key();
        List<TrialRecord> done = twoWorkers.readAll();
        ResultsStore store = new ResultsStore(dir);
        StringWriter err = new StringWriter();
        RunProgress progress = new RunProgress(new PrintWriter(err), false, System::nanoTime);
        RunOutcome outcome = new ExperimentRunner(store, 2, progress, (experiment, t) -> {
            if (t.key().equals(broken)) {
                throw new IllegalStateException("a bug");
            }
            return done.stream().filter(r -> r.key().equals(t.key())).findFirst().orElseThrow();
        }).run("tiny", TRIALS);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.trial().key()).isEqualTo(broken));
        assertThat(store.keys()).hasSize(TRIALS.size() - 1).doesNotContain(broken);
        assertThat(err.toString()).contains("trial " + broken + " (").contains("failed: java.lang.IllegalStateException: a bug");
    }

    static void copyTrials(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("trials"));
        try (Stream<Path> files = Files.list(from.resolve("trials"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve("trials").resolve(f.getFileName()));
            }
        }
    }
}
