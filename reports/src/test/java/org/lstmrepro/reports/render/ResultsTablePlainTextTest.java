package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

class ResultsTablePlainTextTest {

    private static TrialRecord record(String model, RunStatus status, long sequences, Integer testErrors) {
        return new TrialRecord("k" + sequences, "e", "adding(length=100)", model, Map.of(), Map.of(), status, sequences,
                testErrors, testErrors == null ? null : 200, null, 0.5, 1, 1.0, List.of(), null, "c");
    }

    @Test
    void countsOutcomesAndTakesMediansPerTaskAndModel() {
        String table = ResultsTable.plainText(List.of(
                record("a", RunStatus.SOLVED, 1000, 0),
                record("a", RunStatus.SOLVED, 3000, 20),
                record("a", RunStatus.BUDGET_EXHAUSTED, 9000, 100),
                record("a", RunStatus.DIVERGED, 50, null),
                record("b", RunStatus.BUDGET_EXHAUSTED, 9000, 150)));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("task").contains("solved", "budget", "diverged", "median sequences",
                "median test errors");
        // a: 2 of 4 solved, 1 out of budget, 1 diverged; solved after 1000 and 3000 -> median 2000;
        // test errors 0/200, 20/200, 100/200 (the diverged one has none) -> median 10.0%
        assertThat(lines.get(1)).matches("adding\\(length=100\\) +a +2/4 +1 +1 +2,000 +10\\.0%");
        assertThat(lines.get(2)).matches("adding\\(length=100\\) +b +0/1 +1 +0 +- +75\\.0%");
    }
}
