package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in presets load, check and expand as docs/experiments.md describes them. */
class PresetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"quick", "hochreiter1997", "longlag-ablation"})
    void everyPresetIsValidAndNamedAfterItself(String name) {
        Experiment e = ExperimentSource.load(name);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.description()).isNotBlank();
        assertThat(TrialPlanner.plan(e)).isNotEmpty();
        assertThat(ExperimentSource.PRESETS).contains(name);
    }

    @Test
    void hochreiter1997RunsTheOriginalLstmWithThePapersSettingsOnFiveTasksWithTenSeeds() {
        List<PlannedTrial> all = TrialPlanner.plan(ExperimentSource.load("hochreiter1997"));
        String reading = "original1997 reading (linear out, constant-sources-slow)";
        // the paper's network as read on every task; the reading on the adding problem only (its model entry's tasks)
        List<PlannedTrial> trials = all.stream().filter(t -> !t.modelLabel().equals(reading)).toList();
        List<PlannedTrial> readingTrials = all.stream().filter(t -> t.modelLabel().equals(reading)).toList();
        assertThat(all).hasSize(5 * 10 + 3 * 10);
        assertThat(readingTrials).extracting(PlannedTrial::taskLabel).containsOnly("adding(length=100)",
                "adding(length=500)", "adding(length=1000)");
        assertThat(readingTrials).allSatisfy(t -> assertThat(t.canonicalSpec().get("modelOptions").toString())
                .contains("constant-sources-slow", "linear"));
        assertThat(trials).hasSize(5 * 10);
        assertThat(trials).extracting(PlannedTrial::taskLabel).containsOnly("adding(length=100)", "adding(length=500)",
                "adding(length=1000)", "temporal-order-6a", "temporal-order-6b");
        assertThat(trials).extracting(PlannedTrial::modelLabel).containsOnly("original1997/truncated1997");
        // nothing overridden: rule, optimizer, learning rate, schedule and stopping are the paper's defaults
        assertThat(trials).allSatisfy(t -> assertThat(t.canonicalSpec()).doesNotContainKeys("rule", "optimizer",
                "learningRate", "schedule", "stopError", "stopWindow", "modelOptions"));
        assertThat(trials.stream().map(t -> t.spec().seed()).collect(Collectors.toSet())).hasSize(10);
    }

    @Test
    void longlagAblationSearchesTheLearningRateForTheOriginalAndAllNineVanillaModels() {
        List<PlannedTrial> trials = TrialPlanner.plan(ExperimentSource.load("longlag-ablation"));
        Set<String> models = trials.stream().map(t -> t.spec().model()).collect(Collectors.toSet());
        assertThat(models).containsExactlyInAnyOrder("original1997", "vanilla", "vanilla:NIG", "vanilla:NFG",
                "vanilla:NOG", "vanilla:NIAF", "vanilla:NOAF", "vanilla:NP", "vanilla:CIFG", "vanilla:FGR");
        assertThat(trials).hasSize(10 * 2 * 8 * 3);
        Map<String, Set<Double>> rates = trials.stream().collect(Collectors.groupingBy(t -> t.spec().model(),
                Collectors.mapping(t -> t.spec().learningRate(), Collectors.toSet())));
        assertThat(rates.get("original1997")).hasSize(8).allMatch(r -> r >= 0.05 && r <= 5);
        assertThat(rates.get("vanilla")).hasSize(8).allMatch(r -> r >= 1e-3 && r <= 1);
        // the same draws for every vanilla variant: a paired comparison
        assertThat(rates.get("vanilla:NFG")).isEqualTo(rates.get("vanilla"));
    }

    @Test
    void theExampleInTheDocsHasTheTrialCountTheDocsState() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "experiments.md"));
        int start = doc.indexOf("```yaml\nname: lr-search");
        String example = doc.substring(doc.indexOf('\n', start) + 1, doc.indexOf("```", start + 7));
        assertThat(doc).contains("= 207 trials");
        assertThat(TrialPlanner.plan(ExperimentParser.parse("docs example", example))).hasSize(207);
    }

    @Test
    void quickRunsFourModelsOnTwoTasksWithFourSeedsAndTheDocumentedBudgets() {
        List<PlannedTrial> trials = TrialPlanner.plan(ExperimentSource.load("quick"));
        assertThat(trials).hasSize(4 * 2 * 4);
        Map<String, Set<Long>> budgets = trials.stream().collect(Collectors.groupingBy(
                t -> t.modelLabel() + " on " + t.taskLabel(),
                Collectors.mapping(t -> t.spec().maxSequences(), Collectors.toSet())));
        assertThat(budgets).containsOnly(
                Map.entry("original1997/truncated1997 on adding(length=100)", Set.of(150_000L)),
                Map.entry("original1997/truncated1997 reading (linear out, constant-sources-slow) on adding(length=100)",
                        Set.of(150_000L)),
                Map.entry("original1997/truncated1997 reading (linear out, constant-sources-slow) on temporal-order-6a",
                        Set.of(60_000L)),
                Map.entry("vanilla/bptt (fb+5, clip 1, adam) on adding(length=100)", Set.of(80_000L)),
                Map.entry("rnn/bptt on adding(length=100)", Set.of(40_000L)),
                Map.entry("original1997/truncated1997 on temporal-order-6a", Set.of(60_000L)),
                Map.entry("vanilla/bptt (fb+5, clip 1, adam) on temporal-order-6a", Set.of(60_000L)),
                Map.entry("rnn/bptt on temporal-order-6a", Set.of(40_000L)));
    }
}
