package org.lstmrepro.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lstmrepro.reports.cli.InterchangeFixtures.map;
import static org.lstmrepro.reports.cli.InterchangeFixtures.modelFile;
import static org.lstmrepro.reports.cli.InterchangeFixtures.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.gradcheck.GradientCheck;
import org.lstmrepro.core.io.GradientFile;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.io.SequenceFile;
import org.lstmrepro.core.io.Tensor;
import org.lstmrepro.core.learn.GradientListener;
import org.lstmrepro.core.loss.Loss;
import org.lstmrepro.core.loss.OutputActivation;
import org.lstmrepro.core.loss.OutputUnits;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.model.StepObserver;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.param.ParameterSet;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.original.Lstm1997Config;
import org.lstmrepro.original.DetachedGraph;
import org.lstmrepro.original.Lstm1997Network;
import org.lstmrepro.reports.run.BuiltModel;
import org.lstmrepro.reports.run.LearningRules;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.ModelSpec;
import org.lstmrepro.tasks.TaskRegistry;
import org.lstmrepro.vanilla.BaselineConfig;
import org.lstmrepro.vanilla.Gru;
import org.lstmrepro.vanilla.SimpleRnn;
import org.lstmrepro.vanilla.VanillaConfig;
import org.lstmrepro.vanilla.VanillaLstm;
import org.lstmrepro.vanilla.Variant;

/**
 * End to end: write initial weights, compute a gradient file, and check it against finite
 * differences of the loss of the same weights loaded into a network built directly (not through the
 * command's config reader), for every model family.
 */
class GradientCommandTest {

    private static final int INPUTS = 2;
    private static final int OUTPUTS = 2;
    private static final int STEPS = 7;
    private static final GradientCheck CHECK = GradientCheck.withSteps(1e-5, 1e-6);

    @TempDir
    Path dir;

    /**
     * @param model  the model id of the description file
     * @param config its config (weights large enough that every path matters)
     * @param direct the same network built from the config records, weights to be loaded
     */
    record Case(String name, String model, Map<String, Object> config, String rule, boolean oneHot,
                Supplier<RecurrentNetwork> direct) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        RandomStream unused = RandomStream.root(99);
        Map<String, Object> lstm1997 = map("inputSize", INPUTS, "blocks", 2, "cellsPerBlock", 2, "hiddenUnits", 1,
                "outputSize", OUTPUTS, "initRange", 1.0);
        Supplier<RecurrentNetwork> net1997 = () -> new Lstm1997Network(Lstm1997Config.of(INPUTS, 2, 2, OUTPUTS).withHiddenUnits(1));
        return Stream.of(
                new Case("original1997, bptt", "original1997", lstm1997, "bptt", false, net1997),
                new Case("original1997, truncated1997", "original1997", lstm1997, "truncated1997", false, net1997),
                new Case("vanilla:NP", "vanilla", vanilla("NP"), "bptt", false,
                        () -> new VanillaLstm(VanillaConfig.of(INPUTS, 3, OUTPUTS, Variant.NP), unused)),
                new Case("vanilla:FGR", "vanilla", vanilla("FGR"), "bptt", false,
                        () -> new VanillaLstm(VanillaConfig.of(INPUTS, 3, OUTPUTS, Variant.FGR), unused)),
                new Case("vanilla:CIFG, softmax and cross-entropy", "vanilla", withSoftmax(vanilla("CIFG")), "bptt", true,
                        () -> new VanillaLstm(VanillaConfig.of(INPUTS, 3, OUTPUTS, Variant.CIFG)
                                .withOutputUnits(new OutputUnits(OutputActivation.SOFTMAX, Loss.CROSS_ENTROPY)), unused)),
                new Case("rnn", "rnn", baseline(), "bptt", false, () -> new SimpleRnn(BaselineConfig.of(INPUTS, 3, OUTPUTS), unused)),
                new Case("gru", "gru", baseline(), "bptt", false, () -> new Gru(BaselineConfig.of(INPUTS, 3, OUTPUTS), unused)));
    }

    private static Map<String, Object> vanilla(String variant) {
        return map("inputSize", INPUTS, "hiddenSize", 3, "outputSize", OUTPUTS, "variant", variant, "initScale", 0.6,
                "forgetGateBias", 1.0);
    }

    private static Map<String, Object> withSoftmax(Map<String, Object> config) {
        config.put("outputActivation", "softmax"); // loss left out: softmax defaults to cross-entropy
        return config;
    }

    private static Map<String, Object> baseline() {
        return map("inputSize", INPUTS, "hiddenSize", 3, "outputSize", OUTPUTS, "initScale", 0.6);
    }

    /** Runs init then gradient; returns the parameter, sequence and gradient files. */
    private Path[] initAndGradient(Case c) throws IOException {
        Path model = modelFile(dir, "model.json", c.model(), c.config());
        Path params = dir.resolve("params.json");
        CliRun init = CliRun.of("gradient", "--init-seed", "5", "--config", model.toString(), "--write-params", params.toString());
        assertThat(init.status()).as(init.err()).isZero();
        Path seqFile = dir.resolve("sequence.json");
        SequenceFile.write(seqFile, sequence(INPUTS, OUTPUTS, STEPS, c.oneHot(), 3));
        byte[] paramsBefore = Files.readAllBytes(params);
        Path out = dir.resolve("gradient.json");
        CliRun run = CliRun.of("gradient", "--params", params.toString(), "--sequence", seqFile.toString(),
                "--rule", c.rule(), "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readAllBytes(params)).as("the parameter file is untouched").isEqualTo(paramsBefore);
        return new Path[] {params, seqFile, out};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientFileMatchesFiniteDifferencesOfTheLoadedWeights(Case c) throws IOException {
        Path[] files = initAndGradient(c);
        Sequence seq = SequenceFile.read(files[1]);
        GradientFile.Contents g = GradientFile.read(files[2]);
        RecurrentNetwork net = c.direct().get();
        ParameterFile.load(files[0], net.parameters());

        assertThat(g.model()).isEqualTo(c.model());
        assertThat(g.rule()).isEqualTo(c.rule());
        assertThat(g.gradients().keySet()).containsExactlyElementsOf(
                net.parameters().all().stream().map(Parameter::name).toList());
        List<double[]> forwardOutputs = new ArrayList<>();
        double forwardLoss = net.forward(seq, (t, y) -> forwardOutputs.add(y.clone()));
        assertThat(g.outputs()).hasNumberOfRows(STEPS);
        for (int t = 0; t < STEPS; t++) {
            assertThat(g.outputs()[t]).containsExactly(forwardOutputs.get(t), within(1e-13));
        }
        assertThat(g.loss()).isCloseTo(forwardLoss, within(1e-12))
                .isCloseTo(specLoss(g.outputs(), seq, c.oneHot() && !c.model().equals("original1997")), within(1e-12))
                .isPositive();

        for (Parameter p : net.parameters().all()) {
            Tensor t = g.gradients().get(p.name());
            assertThat(t.hasShapeOf(p)).as(p.name()).isTrue();
            System.arraycopy(t.values(), 0, p.gradient(), 0, p.size());
        }
        GradientCheck.Result r = CHECK.check(net.parameters(), lossFunction(c.rule(), net, seq));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
    }

    /**
     * The loss the spec defines, from the file's outputs: sum over steps with a target of
     * 0.5 sum_k (y_k - d_k)^2, or -sum_k d_k log y_k for softmax with cross-entropy.
     */
    private static double specLoss(double[][] outputs, Sequence seq, boolean crossEntropy) {
        double loss = 0;
        for (int t = 0; t < outputs.length; t++) {
            double[] d = seq.targets()[t];
            if (d == null) {
                continue;
            }
            for (int k = 0; k < d.length; k++) {
                loss += crossEntropy ? (d[k] == 0 ? 0 : -d[k] * Math.log(outputs[t][k]))
                        : 0.5 * (outputs[t][k] - d[k]) * (outputs[t][k] - d[k]);
            }
        }
        return loss;
    }

    /**
     * The loss whose derivative the rule computes: the ordinary forward pass for BPTT; for the 1997
     * rule, the forward pass with the previous-step activations feeding the hidden layer frozen at
     * their values under the file's weights (only the carousel path kept; docs/formats.md).
     */
    private static ToDoubleFunction<ParameterSet> lossFunction(String rule, RecurrentNetwork net, Sequence seq) {
        if (rule.equals("truncated1997")) {
            Lstm1997Network lstm = (Lstm1997Network) net;
            double[][] recorded = DetachedGraph.record(lstm, seq);
            return p -> DetachedGraph.loss(lstm, seq, recorded);
        }
        return p -> net.forward(seq, StepObserver.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFileHoldsBitForBitWhatTheRuleComputesForTheLoadedWeights(Case c) throws IOException {
        Path[] files = initAndGradient(c);
        RecurrentNetwork net = c.direct().get();
        ParameterFile.Contents params = ParameterFile.load(files[0], net.parameters());
        for (Parameter p : net.parameters().all()) {
            assertThat(Tensor.valuesOf(p)).as("weights load bit-exactly").isEqualTo(params.tensors().get(p.name()));
        }
        Sequence seq = SequenceFile.read(files[1]);
        net.parameters().zeroGradients();
        double[][] outputs = new double[STEPS][];
        double loss = LearningRules.create(c.rule(), net).accumulate(seq, (t, y) -> outputs[t] = y.clone(), GradientListener.NONE);

        GradientFile.Contents g = GradientFile.read(files[2]);
        assertThat(Double.compare(g.loss(), loss)).isZero();
        assertThat(g.outputs()).isDeepEqualTo(outputs);
        for (Parameter p : net.parameters().all()) {
            assertThat(g.gradients().get(p.name())).as(p.name()).isEqualTo(Tensor.gradientOf(p));
        }
    }

    @Test
    void truncatedBpttWithOneWindowOverTheWholeSequenceIsFullBptt() throws IOException {
        Case c = cases().filter(x -> x.name().equals("vanilla:NP")).findFirst().orElseThrow();
        Path[] files = initAndGradient(c);
        Path tbptt = dir.resolve("tbptt.json");
        CliRun run = CliRun.of("gradient", "--params", files[0].toString(), "--sequence", files[1].toString(),
                "--rule", "tbptt:" + STEPS + "," + STEPS, "--out", tbptt.toString());
        assertThat(run.status()).as(run.err()).isZero();
        GradientFile.Contents windows = GradientFile.read(tbptt);
        GradientFile.Contents full = GradientFile.read(files[2]);
        assertThat(windows.rule()).isEqualTo("tbptt:" + STEPS + "," + STEPS);
        // TruncatedBptt documents this equality to the last bit (docs/formats.md repeats it)
        assertThat(Double.compare(windows.loss(), full.loss())).isZero();
        assertThat(windows.outputs()).isDeepEqualTo(full.outputs());
        assertThat(windows.gradients()).isEqualTo(full.gradients());
    }

    @ParameterizedTest
    @ValueSource(strings = {"original1997", "vanilla:NP", "gru"})
    void initialWeightsAreTheOnesTrainStartsFrom(String modelSpec) {
        BuiltModel built = ModelSpec.parse(modelSpec).build(TaskRegistry.create("adding", Map.of()),
                ModelOptions.DEFAULTS, RandomStream.root(11).derive("init"));
        Path model = modelFile(dir, "model.json", built.network().modelId(), built.config());
        Path params = dir.resolve("params.json");
        CliRun run = CliRun.of("gradient", "--init-seed", "11", "--config", model.toString(), "--write-params", params.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.out()).contains("\"weights\":" + built.network().parameters().totalSize());

        ParameterFile.Contents written = ParameterFile.read(params);
        assertThat(written.model()).isEqualTo(built.network().modelId());
        assertThat(written.config()).isEqualTo(built.config());
        for (Parameter p : built.network().parameters().all()) {
            assertThat(written.tensors().get(p.name())).as(p.name()).isEqualTo(Tensor.valuesOf(p));
        }
    }

    @Test
    void initWeightsAndGradientInOneCallEqualTheTwoStepRoute() throws IOException {
        Case c = cases().filter(x -> x.name().equals("gru")).findFirst().orElseThrow();
        Path[] files = initAndGradient(c);
        Path model = modelFile(dir, "model.json", c.model(), c.config());
        Path out = dir.resolve("one-call.json");
        CliRun run = CliRun.of("gradient", "--init-seed", "5", "--config", model.toString(), "--sequence", files[1].toString(),
                "--rule", "bptt", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(GradientFile.read(out)).isEqualTo(GradientFile.read(files[2]));
    }

    @Test
    void aSequenceCanBeTakenFromAJsonLinesFile() throws IOException {
        Case c = cases().filter(x -> x.name().equals("rnn")).findFirst().orElseThrow();
        Path[] files = initAndGradient(c);
        Sequence chosen = SequenceFile.read(files[1]);
        Path lines = dir.resolve("samples.jsonl");
        Files.writeString(lines, SequenceFile.toJsonLine(sequence(INPUTS, OUTPUTS, 5, false, 8)) + "\n\n"
                + SequenceFile.toJsonLine(chosen) + "\n" + SequenceFile.toJsonLine(sequence(INPUTS, OUTPUTS, 9, false, 9)) + "\n");
        Path out = dir.resolve("from-line.json");
        CliRun run = CliRun.of("gradient", "--params", files[0].toString(), "--sequence", lines.toString(),
                "--sequence-line", "2", "--rule", "bptt", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(GradientFile.read(out)).isEqualTo(GradientFile.read(files[2]));

        // a JSON-lines file of one sequence is a sequence file
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, SequenceFile.toJsonLine(chosen) + "\n");
        Path out2 = dir.resolve("from-one-line.json");
        assertThat(CliRun.of("gradient", "--params", files[0].toString(), "--sequence", one.toString(),
                "--rule", "bptt", "--out", out2.toString()).status()).isZero();
        assertThat(GradientFile.read(out2)).isEqualTo(GradientFile.read(files[2]));
    }
}
