package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lstmrepro.reports.run.CommonOptions;
import org.junit.jupiter.api.Test;

class TrialPlannerTest {

    private static List<PlannedTrial> plan(String text) {
        return TrialPlanner.plan(ExperimentParser.parse("t.yaml", text));
    }

    @Test
    void expandsTasksModelsGridAndSeedsWithSeedsOutermost() {
        List<PlannedTrial> trials = plan("""
                name: t
                seeds: 2
                hyperparameters: {learningRate: [0.1, 0.2, 0.4]}
                tasks: [{id: adding, settings: {length: [100, 500]}}, {id: temporal-order-6a}]
                models: [{model: original1997}, {model: vanilla:NFG}]
                """);
        assertThat(trials).hasSize(2 * 3 * 2 * 3);
        assertThat(trials.subList(0, 18)).allMatch(t -> t.spec().seed() == 1);
        assertThat(trials.subList(18, 36)).allMatch(t -> t.spec().seed() == 2);
        assertThat(trials).extracting(PlannedTrial::key).doesNotHaveDuplicates();
        // the i-th point of every model before the (i+1)-th, models in file order
        assertThat(trials.subList(0, 6)).extracting(t -> t.spec().learningRate())
                .containsExactly(0.1, 0.1, 0.2, 0.2, 0.4, 0.4);
        assertThat(trials.subList(0, 2)).extracting(PlannedTrial::modelLabel)
                .containsExactly("original1997/truncated1997", "vanilla:NFG/bptt");
        assertThat(trials).extracting(PlannedTrial::taskLabel).contains("adding(length=100)", "adding(length=500)",
                "temporal-order-6a");
        assertThat(trials).extracting(PlannedTrial::modelLabel).containsOnly("original1997/truncated1997", "vanilla:NFG/bptt");
    }

    @Test
    void theSameTrialHasTheSameKeyWhereverItIsWrittenAndTheKeyIsAHashPrefix() {
        PlannedTrial a = plan("name: a\ntasks: [{id: adding}]\nmodels: [{model: rnn}]\nseeds: [4]\n").get(0);
        // Another experiment, the default setting written out, another model alongside, another order of keys.
        List<PlannedTrial> b = plan("""
                seeds: [4]
                models: [{model: gru}, {model: rnn, clipping: none}]
                tasks: [{settings: {length: 100, firstPair: zero}, id: adding}]
                name: b
                """);
        assertThat(b).extracting(PlannedTrial::key).contains(a.key());
        assertThat(a.key()).matches("[0-9a-f]{16}");
        assertThat(a.canonicalSpec()).containsEntry("seed", 4L).containsEntry("model", "rnn").containsEntry("task", "adding");
        PlannedTrial otherSeed = plan("name: a\ntasks: [{id: adding}]\nmodels: [{model: rnn}]\nseeds: [5]\n").get(0);
        assertThat(otherSeed.key()).isNotEqualTo(a.key());
    }

    @Test
    void aDefaultTheTaskKeepsOutOfItsKeyStaysOutOfTheLabel() {
        // Experiment 2c's criterion: 'successive' (the default) is not in the task's settings, so the trial
        // is the one written before the setting existed, under that trial's label
        List<PlannedTrial> both = plan("""
                name: t
                tasks: [{id: long-lag-2c, settings: {q: 50, p: 50, criterion: [successive, average]}}]
                models: [{model: original1997}]
                """);
        PlannedTrial before = plan("name: u\ntasks: [{id: long-lag-2c, settings: {q: 50, p: 50}}]\n"
                + "models: [{model: original1997}]\n").get(0);
        assertThat(both).extracting(PlannedTrial::taskLabel)
                .containsExactly("long-lag-2c(p=50, q=50)", "long-lag-2c(criterion=average, p=50, q=50)");
        assertThat(both.get(0).key()).isEqualTo(before.key());
        assertThat(both.get(0).taskLabel()).isEqualTo(before.taskLabel());
    }

    @Test
    void aRandomSearchDrawsTheSameValuesFromTheSameSeedInsideTheRange() {
        String file = """
                name: r
                seed: 3
                samples: 40
                hyperparameters:
                  learningRate: {logUniform: [1.0e-4, 1.0]}
                  momentum: {oneMinusLogUniform: [0.01, 1.0]}
                tasks: [{id: adding}]
                models: [{model: vanilla}]
                """;
        List<PlannedTrial> first = plan(file);
        List<PlannedTrial> again = plan(file);
        List<PlannedTrial> otherSeed = plan(file.replace("seed: 3", "seed: 4"));
        assertThat(first).hasSize(40);
        assertThat(first).extracting(PlannedTrial::key).isEqualTo(again.stream().map(PlannedTrial::key).toList());
        assertThat(first.get(0).spec().learningRate()).isNotEqualTo(otherSeed.get(0).spec().learningRate());
        List<Double> logLr = first.stream().map(t -> Math.log10(t.spec().learningRate())).toList();
        assertThat(logLr).allMatch(v -> v >= -4 && v <= 0);
        // log-uniform: the decades are about equally likely, so both halves of [-4, 0] are hit
        assertThat(logLr).anyMatch(v -> v < -2).anyMatch(v -> v > -2);
        for (PlannedTrial t : first) {
            assertThat(t.spec().optimizer()).startsWith("nesterov:");
            double mu = Double.parseDouble(t.spec().optimizer().substring("nesterov:".length()));
            assertThat(mu).isBetween(0.0, 0.99);
        }
    }

    @Test
    void modelHyperparametersOverrideTheExperimentsAndSamplesCombineWithTheGrid() {
        List<PlannedTrial> trials = plan("""
                name: m
                samples: 2
                hyperparameters: {learningRate: {logUniform: [0.001, 0.01]}}
                tasks: [{id: adding}]
                models:
                  - model: original1997
                    hyperparameters: {learningRate: 0.5}
                    samples: null
                  - model: vanilla
                    hyperparameters: {hiddenSize: [4, 8]}
                """);
        assertThat(trials).hasSize(1 + 2 * 2);
        assertThat(trials.get(0).spec().learningRate()).isEqualTo(0.5);
        assertThat(trials.subList(1, 5)).extracting(t -> t.spec().modelOptions().get(CommonOptions.HIDDEN_SIZE)).containsExactly(4, 4, 8, 8);
        assertThat(trials.subList(1, 5)).allMatch(t -> t.spec().learningRate() >= 0.001 && t.spec().learningRate() <= 0.01);
        // the same draw j for every grid point (a paired design)
        assertThat(trials.get(1).spec().learningRate()).isEqualTo(trials.get(3).spec().learningRate());
    }

    @Test
    void theTaskOrModelBudgetOverridesTheExperimentsAndTheSmallerOfTheTwoWins() {
        List<PlannedTrial> trials = plan("""
                name: b
                budget: 1000
                tasks: [{id: adding}, {id: temporal-order-6a, budget: 200}, {id: temporal-order-6b, budget: 5000}]
                models: [{model: rnn}, {model: gru, budget: 300}]
                """);
        assertThat(trials).extracting(t -> t.spec().maxSequences())
                .containsExactly(1000L, 300L, 200L, 200L, 5000L, 300L);
    }

    @Test
    void aCombinationThatDoesNotFitIsAnErrorNamingItsEntries() {
        assertThatThrownBy(() -> plan("name: x\ntasks: [{id: adding}]\nmodels: [{model: rnn}, {model: rnn, rule: truncated1997}]\n"))
                .hasMessage("t.yaml: models[1] on tasks[0] adding: rule truncated1997 needs a network with a constant"
                        + " error carousel; model rnn has none");
        assertThatThrownBy(() -> plan("name: x\ntasks: [{id: adding}]\nmodels: [{model: rnn}, {model: rnn}]\n"))
                .hasMessageStartingWith("t.yaml: models[1] on tasks[0] adding repeats the trial of models[0] on tasks[0] adding");
        assertThatThrownBy(() -> plan("name: x\ntasks: [{id: adding}]\nmodels: [{model: vanilla, samples: 3}]\n"))
                .hasMessageStartingWith("t.yaml: models[0]: 'samples' is given but no hyperparameter is sampled");
        assertThatThrownBy(() -> plan("name: x\ntasks: [{id: adding}]\nhyperparameters: {learningRate: {logUniform: [0.1, 1]}}\n"
                + "models: [{model: vanilla}]\n"))
                .hasMessageStartingWith("t.yaml: models[0]: a sampled hyperparameter needs 'samples'");
        assertThatThrownBy(() -> plan("name: x\ntasks: [{id: adding}]\nmodels: [{model: vanilla, optimizer: adam,"
                + " hyperparameters: {momentum: 0.9}}]\n"))
                .hasMessageStartingWith("t.yaml: models[0] on tasks[0] adding: a momentum hyperparameter needs optimizer");
    }

    @Test
    void shardsPartitionTheTrials() {
        List<PlannedTrial> trials = plan("name: s\nseeds: 7\ntasks: [{id: adding}]\nmodels: [{model: rnn}, {model: gru}]\n");
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            List<PlannedTrial> share = new Shard(i, 3).select(trials);
            assertThat(share.size()).isBetween(4, 5);
            share.forEach(t -> assertThat(seen.add(t.key())).as("trial %s in two shards", t.key()).isTrue());
            total += share.size();
        }
        assertThat(total).isEqualTo(trials.size());
        assertThat(Shard.ALL.select(trials)).isEqualTo(trials);
        assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("--shard must be i/n");
    }
}
