package org.lstmrepro.reports.toy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.io.GradientFile;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.reports.cli.Main;
import org.lstmrepro.reports.experiment.ExperimentParser;
import org.lstmrepro.reports.experiment.PlannedTrial;
import org.lstmrepro.reports.experiment.TrialPlanner;
import org.lstmrepro.truncated.FullBptt;

/**
 * A model family added by one registration in the test sources ({@link ToyFamily}, listed in
 * META-INF/services) is found by every surface: {@code train --help} and {@code train}, experiment files
 * and the trial key, parameter files, and {@code gradient}.
 */
class ToyModelTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void trainHelpListsTheModelAndItsOption() {
        Run help = cli("train", "--help");
        assertThat(help.out()).contains("rnn, gru, toy.").contains("--toy-scale=A").contains("toy: The initial recurrent weight");
        assertThat(help.out()).containsPattern("--hidden=H +vanilla, rnn, gru, toy: Hidden units");
    }

    @Test
    void trainsAndWritesAParameterFileThatGradientReads() throws IOException {
        Path params = dir.resolve("toy.json");
        Run train = cli("train", "--model", "toy", "--task", "adding", "--length", "22", "--toy-scale", "0.3",
                "--hidden", "2", "--max-sequences", "30", "--quiet", "--save-params", params.toString());
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("\"model\":\"toy\"").contains("\"toyScale\":0.3");

        ParameterFile.Contents file = ParameterFile.read(params);
        assertThat(file.model()).isEqualTo("toy");
        assertThat(file.config()).containsEntry("toyScale", 0.3).containsEntry("hiddenSize", 2);
        assertThat(file.tensors()).containsOnlyKeys("weight_ih", "recurrent", "output.weight", "output.bias");

        Run sample = cli("sample", "adding", "--length", "22", "--seed", "5");
        Path sequence = dir.resolve("seq.jsonl");
        Files.writeString(sequence, sample.out());
        Path gradients = dir.resolve("g.json");
        Run gradient = cli("gradient", "--params", params.toString(), "--sequence", sequence.toString(), "--rule", "bptt",
                "--out", gradients.toString());
        assertThat(gradient.status()).as(gradient.err()).isZero();
        assertThat(GradientFile.read(gradients).gradients()).containsOnlyKeys("weight_ih", "recurrent", "output.weight",
                "output.bias");
        assertThat(gradient.err()).isEmpty();
        Run wrong = cli("train", "--model", "toy", "--task", "adding", "--blocks", "2");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("lstm-repro train: --blocks is not an option of model toy (its options:"
                + " --hidden, --toy-scale)");
    }

    @Test
    void experimentFilesTakeItsOptionAndTheTrialKeyHoldsIt() {
        String text = """
                name: toy
                tasks: [{id: adding}]
                models:
                  - model: toy
                    options: {toyScale: 0.3}
                  - model: toy
                    options: {toyScale: 0.7, hiddenSize: 4}
                """;
        List<PlannedTrial> trials = TrialPlanner.plan(ExperimentParser.parse("toy.yaml", text));
        assertThat(trials).hasSize(2);
        assertThat(trials.get(0).canonicalSpec()).containsEntry("modelOptions", Map.of("toyScale", 0.3));
        assertThat(trials.get(0).key()).isNotEqualTo(trials.get(1).key());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExperimentParser.parse("bad.yaml",
                        text.replace("{toyScale: 0.3}", "{toyScale: -1}")))
                .hasMessage("bad.yaml: models[0].options.toyScale: must be a positive number, was -1.0");
    }

    /** The toy's backward pass is its exact gradient (finite differences), as every network's must be. */
    @Test
    void itsGradientIsExact() {
        ToyNetwork network = new ToyNetwork(new ToyConfig(2, 3, 1, "sigmoid", "squared-error", 0.6),
                RandomStream.root(3));
        Sequence s = org.lstmrepro.tasks.TaskRegistry.create("adding", Map.of("length", "22"))
                .generate(RandomStream.root(4));
        network.parameters().zeroGradients();
        new FullBptt(network).accumulate(s, StepObserver.NONE, GradientListener.NONE);
        GradientCheck.Result r = GradientCheck.withSteps(1e-5, 1e-4).check(network.parameters(),
                p -> network.forward(s, StepObserver.NONE));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
    }
}
