package org.lstmrepro.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.lstmrepro.reports.run.CommonOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmrepro.reports.run.TrialSpec;

class ExperimentParserTest {

    private static final String MINIMAL = """
            name: tiny
            tasks:
              - id: adding
            models:
              - model: original1997
            """;

    @Test
    void fillsInTheDocumentedDefaults() {
        Experiment e = ExperimentParser.parse("tiny.yaml", MINIMAL);
        assertThat(e.name()).isEqualTo("tiny");
        assertThat(e.description()).isEmpty();
        assertThat(e.seed()).isEqualTo(1);
        assertThat(e.seeds()).containsExactly(1L);
        assertThat(e.budget()).isEqualTo(TrialSpec.DEFAULT_MAX_SEQUENCES);
        assertThat(e.testSeed()).isEqualTo(TrialSpec.DEFAULT_TEST_SEED);
        assertThat(e.stopError()).isNull();
        assertThat(e.stopWindow()).isNull();
        assertThat(e.samples()).isNull();
        assertThat(e.hyperparameters()).isEmpty();
        ModelEntry m = e.models().get(0);
        assertThat(m.rule()).isNull();
        assertThat(m.optimizer()).isNull();
        assertThat(m.clipping()).isEqualTo("none");
        assertThat(m.clipOutputLayer()).isTrue();
        assertThat(m.budget()).isNull();
    }

    @Test
    void expandsListValuedTaskSettingsAndReadsEveryKey() {
        Experiment e = ExperimentParser.parse("full.json", """
                {"name": "full", "description": "all keys", "seed": 7, "seeds": [3, 5], "budget": 1000,
                 "stopping": {"error": 0.02, "window": 50}, "testSeed": 11, "samples": 2,
                 "hyperparameters": {"learningRate": {"logUniform": [0.001, 0.1]}},
                 "tasks": [{"id": "adding", "settings": {"length": [100, 500], "firstPair": "keep"}, "budget": 2000}],
                 "models": [{"model": "VANILLA:nfg", "label": "nfg", "rule": "tbptt:5,10", "optimizer": "nesterov",
                             "schedule": "batch:4", "clipping": "norm:1", "clipOutputLayer": false,
                             "options": {"hiddenSize": 4, "forgetGateBias": 1, "inputGateBiases": -1},
                             "budget": 3000, "hyperparameters": {"momentum": [0.5, 0.9]}, "samples": 3}]}
                """);
        assertThat(e.seed()).isEqualTo(7);
        assertThat(e.seeds()).containsExactly(3L, 5L);
        assertThat(e.stopError()).isEqualTo(0.02);
        assertThat(e.stopWindow()).isEqualTo(50);
        assertThat(e.testSeed()).isEqualTo(11);
        assertThat(e.tasks()).extracting(TaskEntry::settings).containsExactly(
                Map.of("length", "100", "firstPair", "keep"), Map.of("length", "500", "firstPair", "keep"));
        assertThat(e.tasks()).extracting(TaskEntry::label)
                .containsExactly("adding(firstPair=keep, length=100)", "adding(firstPair=keep, length=500)");
        ModelEntry m = e.models().get(0);
        assertThat(m.model()).isEqualTo("vanilla:NFG");
        assertThat(m.optimizer()).isEqualTo("nesterov");
        assertThat(m.clipOutputLayer()).isFalse();
        assertThat(m.options().get(CommonOptions.HIDDEN_SIZE)).isEqualTo(4);
        assertThat(m.options().get(CommonOptions.INPUT_GATE_BIASES)).containsExactly(-1.0);
        assertThat(m.hyperparameters()).containsEntry(HyperparameterName.MOMENTUM, new Hyperparameter.Grid(List.of(0.5, 0.9)));
        assertThat(m.samples()).isEqualTo(3);
        assertThat(m.budget()).isEqualTo(3000);
        assertThat(e.withSeedCount(3).seeds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void numbersMayBeQuotedAndAnEmptyValueIsLeftOut() {
        Experiment e = ExperimentParser.parse("q.yaml", """
                name: q
                description:
                budget: "2500"
                stopping: {error: "1e-3"}
                tasks: [{id: adding, budget: }]
                models: [{model: rnn, hyperparameters: {learningRate: "1e-2"}, options: {hiddenSize: }}]
                """);
        assertThat(e.description()).isEmpty();
        assertThat(e.budget()).isEqualTo(2500);
        assertThat(e.stopError()).isEqualTo(1e-3);
        assertThat(e.tasks().get(0).budget()).isNull();
        assertThat(e.models().get(0).hyperparameters()).containsEntry(HyperparameterName.LEARNING_RATE,
                new Hyperparameter.Fixed(1e-2));
    }

    /** Bound strictly: a value of the wrong type names its key path, what was expected and what was found. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "budget: many|q.yaml: budget: expected an integer, found the string \"many\"",
        "budget: 2.5|q.yaml: budget: expected an integer, found the number 2.5",
        "name: [q]|q.yaml: name: expected a string, found a list",
        "stopping: {error: [1]}|q.yaml: stopping.error: expected a number, found a list",
        "epochs: 3|q.yaml: epochs: expected a mapping of keys to values, found the number 3",
        "seeds: [1, x]|q.yaml: seeds[1]: expected an integer, found the string \"x\"",
        "tasks: [{id: adding, budget: true}]|q.yaml: tasks[0].budget: expected an integer, found true",
        "models: [{model: rnn, clipOutputLayer: 1}]|q.yaml: models[0].clipOutputLayer: expected true or false, found the number 1",
        "models: [{model: rnn, label: 7}]|q.yaml: models[0].label: expected a string, found the number 7",
        "models: [{model: rnn, notes: {adding: [a]}}]|q.yaml: models[0].notes.adding: expected a string, found a list",
    })
    void aValueOfTheWrongTypeNamesItsKeyPath(String line, String expected) {
        String key = line.substring(0, line.indexOf(':'));
        StringBuilder text = new StringBuilder(line).append('\n');
        for (String base : List.of("name: q", "tasks: [{id: adding}]", "models: [{model: rnn}]")) {
            if (!base.startsWith(key + ":")) {
                text.append(base).append('\n');
            }
        }
        assertThatThrownBy(() -> ExperimentParser.parse("q.yaml", text.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }

    /** Each malformed file gives one line: the file, the key path, and the problem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "models: [{model: original1997}, {model: rnn}, {model: lstm}]"
            + "| q.yaml: models[2].model: unknown model 'lstm' (known: original1997, vanilla[:VARIANT], rnn, gru",
        "models: [{model: vanilla:XYZ}]| q.yaml: models[0].model: unknown vanilla variant 'XYZ'",
        "models: [{model: rnn, optimiser: sgd}]| q.yaml: models[0]: unknown key 'optimiser' (known: model, label, rule, optimizer, ",
        "models: [{model: rnn, optimizer: adagrad}]| q.yaml: models[0].optimizer: ",
        "models: [{model: rnn, optimizer: nesterov}]| q.yaml: models[0].optimizer: 'nesterov' needs a momentum",
        "models: [{model: rnn, schedule: sometimes}]| q.yaml: models[0].schedule: ",
        "models: [{model: rnn, clipping: norm:-1}]| q.yaml: models[0].clipping: ",
        "models: [{model: rnn, budget: 0}]| q.yaml: models[0].budget: must be at least 1, was 0",
        "models: [{model: rnn, options: {hiddenSize: many}}]| q.yaml: models[0].options.hiddenSize: must be an integer in [1, 4096], was 'many'",
        "models: [{model: original1997, options: {hiddenSize: 4}}]| q.yaml: models[0].options.hiddenSize: hiddenSize is not an option of model original1997 (its options: blocks, cellsPerBlock,",
        "models: [{model: vanilla, options: {hiddenSize: 2e9}}]| q.yaml: models[0].options.hiddenSize: must be an integer in [1, 4096], was ",
        "models: [{model: rnn, hyperparameters: {lr: 0.1}}]| q.yaml: models[0].hyperparameters.lr: unknown hyperparameter",
        "models: [{model: rnn, hyperparameters: {learningRate: -1}}]| q.yaml: models[0].hyperparameters.learningRate: learningRate must be positive, was -1.0",
        "models: [{model: rnn, hyperparameters: {momentum: [0.5, 1.5]}}]| q.yaml: models[0].hyperparameters.momentum[1]: momentum must be in [0, 1)",
        "models: [{model: rnn, hyperparameters: {learningRate: {normal: [0, 1]}}}]| q.yaml: models[0].hyperparameters.learningRate.normal: unknown distribution",
        "models: [{model: rnn, hyperparameters: {learningRate: {logUniform: [1, 0.1]}}}]| q.yaml: models[0].hyperparameters.learningRate.logUniform: logUniform needs a range [a, b] with a <= b",
        "models: [{model: rnn, hyperparameters: {hiddenSize: {logUniform: [4, 8]}}}]| q.yaml: models[0].hyperparameters.hiddenSize.logUniform: hiddenSize is an integer: use logUniformInt",
        "models: []| q.yaml: models: needs at least one entry",
        "models: {model: rnn}| q.yaml: models: expected a list, found a mapping",
    })
    void aMalformedModelIsOneLineNamingTheKeyPath(String models, String expected) {
        String text = "name: q\ntasks: [{id: adding}]\n" + models + "\n";
        assertThatThrownBy(() -> ExperimentParser.parse("q.yaml", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Files written on one line each, with \\n for line breaks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: missing key 'name'",
        "name: a b\\ntasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: name: must consist of letters",
        "name: q\\nmodels: [{model: rnn}]|q.yaml: missing key 'tasks'",
        "name: q\\ntasks: [{id: addition}]\\nmodels: [{model: rnn}]|q.yaml: tasks[0].id: unknown task 'addition'",
        "name: q\\ntasks: [{id: adding, settings: {length: [100, 5]}}]\\nmodels: [{model: rnn}]"
            + "|q.yaml: tasks[0].settings: task adding: length must be",
        "name: q\\ntasks: [{id: adding, settings: {size: 3}}]\\nmodels: [{model: rnn}]"
            + "|q.yaml: tasks[0].settings: task adding has no setting 'size'",
        "name: q\\nseeds: 0\\ntasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: seeds: must be at least 1, was 0",
        "name: q\\nseeds: [1, 1]\\ntasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: seeds[1]: seed 1 is listed twice",
        "name: q\\nstopping: {error: 0}\\ntasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: stopping.error: must be positive",
        "name: q\\nstopping: {patience: 3}\\ntasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: stopping: unknown key 'patience' (known: error, window)",
        "name: q\\nname: r\\ntasks: [{id: adding}]|q.yaml: line 2: not valid YAML or JSON: Duplicate field 'name'",
        "name: [q|q.yaml: line ",
        "'   '|q.yaml: the file is empty",
        "name: q\\nsamples: 3\\ntasks: [{id: adding}]\\nmodels: [{model: rnn}]|q.yaml: samples: is given but no hyperparameter is sampled",
    })
    void aMalformedFileIsOneLineNamingTheKeyPath(String file, String expected) {
        String text = file.replace("\\n", "\n");
        assertThatThrownBy(() -> ExperimentParser.parse("q.yaml", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
