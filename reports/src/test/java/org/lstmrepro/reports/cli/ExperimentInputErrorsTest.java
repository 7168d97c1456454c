package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile experiment files and sizes: each is refused before any work with exit status 2 and one line
 * naming the problem (before, some ran out of memory after a minute, or were silently accepted).
 */
class ExperimentInputErrorsTest {

    private static final String OK = "name: a\ntasks: [{id: adding}]\nmodels: [{model: rnn}]\n";

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("seeds.yaml", OK + "seeds: 2000000000\n", List.of(),
                        "seeds.yaml: seeds: must be at most 10000, was 2000000000"),
                Arguments.of("ok.yaml", OK, List.of("--seeds", "999999999"), "--seeds must be in [1, 10000], was 999999999"),
                Arguments.of("samples.yaml", OK + "samples: 2000000000\nhyperparameters: {learningRate: {logUniform: [0.001, 0.1]}}\n",
                        List.of(), "samples.yaml: samples: must be at most 100000"),
                Arguments.of("many.yaml", OK + "seeds: 10000\nsamples: 1000\nhyperparameters: {learningRate: {logUniform: [0.001, 0.1]}}\n",
                        List.of(), "many.yaml: more than 1000000 trials"),
                Arguments.of("grid.yaml", OK + "hyperparameters: {learningRate: [" + "0.1, ".repeat(1000) + "0.1], momentum: ["
                        + "0.5, ".repeat(1000) + "0.5], initRange: [" + "0.1, ".repeat(1000) + "0.1]}\n",
                        List.of(), "grid.yaml: models[0]: more than 1000000 hyperparameter points"),
                Arguments.of("two.yaml", OK + "---\nname: b\n", List.of(), "two.yaml: line 5: more than one document"),
                Arguments.of("trailing.json", "{\"name\": \"a\", \"tasks\": [{\"id\": \"adding\"}], \"models\": [{\"model\": \"rnn\"}]} xyz",
                        List.of(), "trailing.json: line 1: not valid YAML or JSON"),
                Arguments.of("hidden.yaml", OK.replace("{model: rnn}", "{model: rnn, options: {hiddenSize: 2e9}}"), List.of(),
                        "hidden.yaml: models[0].options.hiddenSize: must be an integer in [1, 4096], was 2.0e9"),
                Arguments.of("hidden-int.yaml", OK.replace("{model: rnn}", "{model: rnn, options: {hiddenSize: 2000000000}}"),
                        List.of(), "hidden-int.yaml: models[0].options.hiddenSize: must be an integer in [1, 4096], was 2000000000"),
                Arguments.of("epochs.yaml", OK + "epochs: {max: 0}\n", List.of(), "epochs.yaml: epochs.max: "),
                Arguments.of("epoch-key.yaml", OK + "epochs: {min: 3}\n", List.of(), "epoch-key.yaml: epochs: unknown key 'min' (known: max, patience)"),
                Arguments.of("noise.yaml", OK + "hyperparameters: {inputNoise: -1}\n", List.of(),
                        "inputNoise must be finite and >= 0, was -1.0"),
                Arguments.of("noise-on-adding.yaml", OK + "hyperparameters: {inputNoise: 0.5}\n", List.of(),
                        "epochs, patience and input noise apply to a task with a fixed data set (jsb-chorales), not to adding"),
                Arguments.of("wrong-family.yaml", OK.replace("{model: rnn}", "{model: rnn, options: {derivativeClip: 1}}"),
                        List.of(), "wrong-family.yaml: models[0].options.derivativeClip: derivativeClip is not an option of model rnn"),
                Arguments.of("model-tasks.yaml", OK.replace("{model: rnn}", "{model: rnn, tasks: [adding, multiplication]}"),
                        List.of(), "model-tasks.yaml: models[0].tasks[1]: no task 'multiplication' in this experiment (tasks: adding)"),
                Arguments.of("model-no-tasks.yaml", OK.replace("{model: rnn}", "{model: rnn, tasks: []}"),
                        List.of(), "model-no-tasks.yaml: models[0].tasks: needs at least one entry"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void isRefusedWithOneLine(String name, String text, List<String> extra, String expected) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        assertRefused(run(file, extra), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddFiles")
    void oddFilesAreRefusedWithOneLine(String name, String expected) {
        assertRefused(run(dir.resolve(name), List.of()), expected);
    }

    static Stream<Arguments> oddFiles() throws IOException {
        Files.createDirectories(dir.resolve("d.yaml"));
        byte[] garbage = new byte[512];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xff;
        Files.write(dir.resolve("garbage.yaml"), garbage);
        return Stream.of(
                Arguments.of("d.yaml", "d.yaml: is a directory, not an experiment file"),
                Arguments.of("garbage.yaml", "garbage.yaml: not a text file (not UTF-8)"));
    }

    private static CliRun run(Path file, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("reproduce", file.toString(), "--list"));
        args.addAll(extra);
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, String expected) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).contains(expected).doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
