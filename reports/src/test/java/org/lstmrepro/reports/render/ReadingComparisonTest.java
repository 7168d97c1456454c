package org.lstmrepro.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmrepro.core.train.RunStatus;
import org.lstmrepro.reports.store.TrialRecord;

class ReadingComparisonTest {

    private static TrialRecord trial(String label, String groups, long seed, boolean solved, long sequences) {
        Map<String, Object> options = groups == null ? Map.of("outputActivation", "linear")
                : Map.of("outputActivation", "linear", "weightGroups", groups);
        Map<String, Object> spec = Map.of("model", "original1997", "task", "adding", "modelOptions", options, "seed", seed);
        return new TrialRecord(label + seed, "e", "adding(length=500)", label, spec, Map.of("learningRate", 0.5),
                solved ? RunStatus.SOLVED : RunStatus.BUDGET_EXHAUSTED, sequences, 0, 2560, 1e-4, 0.5, seed, 1.0, List.of(), null, "c");
    }

    @Test
    void eachReadingIsTestedAgainstThePlainNetwork() {
        Map<String, List<TrialRecord>> byModel = new LinkedHashMap<>();
        byModel.put("paper", List.of(trial("paper", null, 1, true, 1000), trial("paper", null, 2, true, 2000),
                trial("paper", null, 3, true, 3000), trial("paper", null, 4, false, 5000)));
        byModel.put("reading", List.of(trial("reading", "no-constant-cell-sources", 1, true, 100),
                trial("reading", "no-constant-cell-sources", 2, true, 200), trial("reading", "no-constant-cell-sources", 3, true, 300),
                trial("reading", "no-constant-cell-sources", 4, true, 400)));
        Block.Table table = ReadingComparison.of(byModel).orElseThrow();
        assertThat(table.rows()).hasSize(1);
        List<String> row = table.rows().get(0);
        assertThat(row.subList(0, 6)).containsExactly("`reading`", "`paper`", "4 / 4", "3 / 4", "250", "2,000");
        // solved only: 4 against 3, completely separated, exact two-sided p = 2 / C(7, 3) = 2/35
        assertThat(ReadingComparison.uTest(new double[] {100, 200, 300, 400}, new double[] {1000, 2000, 3000}))
                .isCloseTo(2.0 / 35, within(1e-12));
        // unsolved last: 4 against 4 completely separated, exact p = 2 / C(8, 4) = 2/70 (no ties: one infinity)
        assertThat(ReadingComparison.uTest(ReadingComparison.unsolvedLast(byModel.get("reading")),
                ReadingComparison.unsolvedLast(byModel.get("paper")))).isCloseTo(2.0 / 70, within(1e-12));
    }

    @Test
    void eachArmIsComparedWithItsLargestPlainCounterpart() {
        Map<String, List<TrialRecord>> byModel = new LinkedHashMap<>();
        byModel.put("gates", List.of(withOptions("gates", Map.of("outputActivation", "linear", "inputGateBiases", List.of(-2, -4)), 1),
                withOptions("gates", Map.of("outputActivation", "linear", "inputGateBiases", List.of(-2, -4)), 2)));
        byModel.put("bare", List.of(withOptions("bare", Map.of(), 1), withOptions("bare", Map.of(), 2)));
        byModel.put("paper", List.of(withOptions("paper", Map.of("outputActivation", "linear"), 1),
                withOptions("paper", Map.of("outputActivation", "linear"), 2)));
        Block.Table table = ReadingComparison.of(byModel).orElseThrow();
        // gates against paper (not bare, not the first plain arm); paper against bare
        assertThat(table.rows()).extracting(r -> r.get(0) + " vs " + r.get(1))
                .containsExactly("`gates` vs `paper`", "`paper` vs `bare`");
    }

    private static TrialRecord withOptions(String label, Map<String, Object> options, long seed) {
        Map<String, Object> spec = Map.of("model", "original1997", "task", "adding", "modelOptions", options, "seed", seed);
        return new TrialRecord(label + seed, "e", "adding(length=500)", label, spec, Map.of("learningRate", 0.5),
                RunStatus.SOLVED, 1000 * seed, 0, 2560, 1e-4, 0.5, seed, 1.0, List.of(), null, "c");
    }

    @Test
    void noTableWithoutAPlainNetworkOrWithoutAReading() {
        assertThat(ReadingComparison.of(Map.of("paper", List.of(trial("paper", null, 1, true, 1000))))).isEmpty();
        assertThat(ReadingComparison.of(Map.of("r", List.of(trial("r", "no-biases", 1, true, 1000))))).isEmpty();
    }
}
