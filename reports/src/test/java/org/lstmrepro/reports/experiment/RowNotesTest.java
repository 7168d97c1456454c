package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

/** A model entry's {@code notes} reach its trials and the tables, and never their keys. */
class RowNotesTest {

    @Test
    void theQuickPresetExplainsThe1997ModelOnAddingAndNothingElse() {
        List<PlannedTrial> trials = TrialPlanner.plan(ExperimentSource.load("quick"));
        // the paper's 1997 entry (label original1997/truncated1997) on adding; not the reading beside it
        java.util.function.Predicate<PlannedTrial> explained = t -> t.modelLabel().equals("original1997/truncated1997")
                && t.taskLabel().startsWith("adding");
        assertThat(trials).filteredOn(explained)
                .isNotEmpty().allSatisfy(t -> assertThat(t.note()).contains("logistic output", "0.04", "docs/reproduction.md")
                        .doesNotContain("\n"));
        assertThat(trials).filteredOn(explained.negate())
                .isNotEmpty().allSatisfy(t -> assertThat(t.note()).isNull());
    }

    @Test
    void aNoteDoesNotChangeAnyKey(@TempDir Path dir) throws Exception {
        String base = "name: n\nseeds: 1\ntasks: [{id: adding, settings: {length: 30}, budget: 10}]\nmodels:\n  - model: rnn\n";
        Path plain = Files.writeString(dir.resolve("plain.yaml"), base);
        Path noted = Files.writeString(dir.resolve("noted.yaml"), base + "    notes: {adding: why this row looks as it does}\n");
        PlannedTrial a = TrialPlanner.plan(ExperimentSource.load(plain.toString())).get(0);
        PlannedTrial b = TrialPlanner.plan(ExperimentSource.load(noted.toString())).get(0);
        assertThat(b.key()).isEqualTo(a.key());
        assertThat(b.note()).isEqualTo("why this row looks as it does");
        assertThat(a.note()).isNull();
    }

    @Test
    void aNoteIsOneLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: n\nseeds: 1\ntasks: [{id: adding}]\nmodels:\n"
                + "  - model: rnn\n    notes:\n      adding: |\n        two\n        lines\n");
        assertThatThrownBy(() -> ExperimentSource.load(bad.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.adding").hasMessageContaining("one line");
    }

    @Test
    void aNoteOnATaskTheExperimentDoesNotRunIsRefused(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: n\nseeds: 1\ntasks: [{id: adding}]\nmodels:\n"
                + "  - model: rnn\n    notes: {temporal-order-6a: never shown}\n");
        assertThatThrownBy(() -> ExperimentSource.load(bad.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.temporal-order-6a").hasMessageContaining("no task 'temporal-order-6a'");
    }

    @Test
    void thePrintedTableEndsWithTheNotes() {
        TrialRecord r = new TrialRecord("k", "e", "adding(length=100)", "original1997/truncated1997", Map.of(), Map.of(),
                RunStatus.BUDGET_EXHAUSTED, 10, 0, 10, null, 0.5, 1, 1.0, List.of(), null, "c", null, null, null, null,
                "learns it, misses the strict criterion");
        assertThat(org.lstmrepro.reports.render.ResultsTable.plainText(List.of(r)).lines().toList()).last().isEqualTo(
                "note on original1997/truncated1997 / adding(length=100): learns it, misses the strict criterion");
    }
}
