package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.io.SequenceFile;

class TasksAndSampleCommandTest {

    @Test
    void tasksListsEveryTaskWithItsSettings() {
        CliRun run = CliRun.of("tasks");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("adding", "adding-uniform", "temporal-order-6a", "temporal-order-6b",
                "embedded-reber", "--set length=100", "Hochreiter & Schmidhuber 1997");
    }

    @Test
    void samplePrintsParsableSequencesOfTheTask() {
        CliRun run = CliRun.of("sample", "adding", "--length", "40", "--count", "5", "--seed", "3");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            Sequence s = SequenceFile.fromJsonLine(line, "stdout");
            assertThat(s.length()).isBetween(40, 44);
            assertThat(s.inputSize()).isEqualTo(2);
            assertThat(s.lastTargetStep()).isEqualTo(s.length() - 1);
            double[] target = s.targets()[s.length() - 1];
            assertThat(target[0]).isBetween(0.0, 1.0);
        }
    }

    @Test
    void theSameSeedGivesTheSameSequencesAndAnotherSeedOthers() {
        String a = CliRun.of("sample", "temporal-order-6b", "--count", "3", "--seed", "7").out();
        String b = CliRun.of("sample", "temporal-order-6b", "--count", "3", "--seed", "7").out();
        String c = CliRun.of("sample", "temporal-order-6b", "--count", "3", "--seed", "8").out();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void settingsPassThroughSet() {
        CliRun run = CliRun.of("sample", "adding", "--set", "length=30", "--set", "firstPair=keep");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(SequenceFile.fromJsonLine(run.outLines().get(0), "stdout").length()).isBetween(30, 33);
    }

    @Test
    void anUnknownTaskIsAOneLineErrorWithStatus2() {
        CliRun run = CliRun.of("sample", "addding");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown task 'addding'").contains("adding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--length=-5", "--length=0", "--count=-1", "--count=x", "--seed=1.5", "--set=length=abc"})
    void badValuesAreErrorsNamingTheProblemWithStatus2(String arg) {
        CliRun run = CliRun.of("sample", "adding", arg);
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines().get(0)).containsAnyOf("length", "count", "seed");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aLengthForATaskWithoutOneIsRefused() {
        CliRun run = CliRun.of("sample", "temporal-order", "--length", "50");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("has no setting 'length'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "sample"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: lstm-repro " + command);
    }

    @Test
    void noCommandPrintsTheUsageAndAnUnknownOneIsStatus2() {
        assertThat(CliRun.of().out()).contains("Usage: lstm-repro", "tasks", "sample");
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate");
    }
}
