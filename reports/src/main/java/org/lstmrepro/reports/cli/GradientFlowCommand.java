package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.lstmrepro.core.optim.Clippings;
import org.lstmrepro.core.optim.GlobalNormClipping;
import org.lstmrepro.core.optim.GradientClipping;
import org.lstmrepro.reports.flow.FlowMarkdown;
import org.lstmrepro.reports.flow.FlowPlots;
import org.lstmrepro.reports.flow.FlowReport;
import org.lstmrepro.reports.flow.FlowRule;
import org.lstmrepro.reports.flow.FlowSettings;
import org.lstmrepro.reports.flow.GradientFlow;
import org.lstmrepro.reports.run.TrialSpec;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lstm-repro gradient-flow}: plots and numbers that show why the CEC keeps error from vanishing,
 * how gradients can still explode, and what clipping does.
 */
@Command(name = "gradient-flow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures how error flows back in time, and what makes it vanish or explode.",
            "",
            "Injects the error of the last step T of test sequences and plots || dE(T)/d state(t) || against the "
                + "lag T - t (cell state and hidden output), at initialisation and after a short training; scales the "
                + "recurrent weights to a spectral radius to show exploding gradients and what global-norm clipping "
                + "does; shows gate statistics and cell states for LSTMs. Writes PNG and SVG plots and gradient-flow.md"
                + " (the numbers, and what each plot shows) into --out. --compare runs the standard set: rnn, "
                + "original1997, vanilla, vanilla:NFG."})
final class GradientFlowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "original1997, vanilla[:VARIANT], rnn or gru. Required unless --compare.")
    String model;

    @Option(names = "--compare", description = "The standard side-by-side set instead of one model.")
    boolean compare;

    @Option(names = "--task", defaultValue = "adding", paramLabel = "TASK",
            description = "A task id, see 'lstm-repro tasks' (default: ${DEFAULT-VALUE}).")
    String task;

    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--params", paramLabel = "FILE",
            description = "Trained weights (from 'train --save-params') to analyse instead of a short training.")
    Path params;

    @Option(names = "--train-sequences", paramLabel = "N", defaultValue = "" + FlowSettings.DEFAULT_TRAIN_SEQUENCES,
            description = "Training sequences before the 'trained' measurement; 0 for initialisation only (default: ${DEFAULT-VALUE}).")
    long trainSequences;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Master seed: initial weights and training sequences, as in 'train' (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-seed", defaultValue = "" + TrialSpec.DEFAULT_TEST_SEED, paramLabel = "S",
            description = "Seed of the test set the sequences are taken from (default: ${DEFAULT-VALUE}).")
    long testSeed;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "Backward pass to measure: bptt or truncated1997 (error only through the CEC)."
                    + " Default: both for original1997, bptt otherwise.")
    String rule;

    @Option(names = "--spectral-radius", paramLabel = "R", defaultValue = "" + FlowSettings.DEFAULT_SPECTRAL_RADIUS,
            description = "Spectral radius the recurrent matrices are scaled to in the exploding-gradient study"
                    + " (default: ${DEFAULT-VALUE}; with --compare this is the simple RNN's, and the LSTM without forget gate gets 10, "
                    + "the GRU 6).")
    double spectralRadius;

    @Option(names = "--clip", paramLabel = "norm:T", defaultValue = "norm:" + FlowSettings.DEFAULT_CLIP_THRESHOLD,
            description = "Global-norm clipping shown in the exploding-gradient study (default: ${DEFAULT-VALUE}).")
    String clip;

    @Option(names = "--sequences", paramLabel = "N", defaultValue = "" + FlowSettings.DEFAULT_FLOW_SEQUENCES,
            description = "Test sequences the error curves are averaged over (default: ${DEFAULT-VALUE}).")
    int sequences;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gradient-flow",
            description = "Directory for the PNG and SVG files and gradient-flow.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public void run() {
        if (compare == (model != null)) {
            throw new IllegalArgumentException("give either --model MODEL or --compare");
        }
        if (compare && rule != null) {
            throw new IllegalArgumentException("--rule is for one --model; --compare measures each model with its own rule");
        }
        FlowSettings settings = new FlowSettings(task, taskOptions.settings(), seed, testSeed, trainSequences, sequences,
                FlowSettings.DEFAULT_GATE_SEQUENCES, params, spectralRadius, clipThreshold(clip));
        if (compare && params != null) {
            throw new IllegalArgumentException("--params holds the weights of one model; use it with --model");
        }
        FlowRule flowRule = rule == null ? null : FlowRule.parse(rule);
        if (!compare) {
            GradientFlow.checkModelAndRule(model, flowRule, settings);
        }
        org.lstmrepro.tasks.TaskRegistry.create(task, taskOptions.settings()); // an unknown task or setting: before any output
        if (params != null && !java.nio.file.Files.isRegularFile(params)) {
            throw new UserInputException(params + ": no such file");
        }
        OutputTargets.requireWritableDirectory("--out", out);
        PrintWriter err = spec.commandLine().getErr();
        err.println("lstm-repro gradient-flow: " + (compare ? "comparing " + String.join(", ", GradientFlow.COMPARE_MODELS)
                : model) + " on " + task + (params != null ? ", weights from " + params
                : trainSequences > 0 ? ", " + trainSequences + " training sequences" : ", at initialisation"));
        err.flush();
        FlowReport report = compare
                ? GradientFlow.compare(settings)
                : GradientFlow.analyse(model, flowRule, settings);
        List<Path> files = FlowPlots.write(report, out);
        Path md = FlowMarkdown.write(report, out);
        PrintWriter stdout = spec.commandLine().getOut();
        for (Path f : files) {
            stdout.println(f);
        }
        stdout.println(md);
        stdout.flush();
    }

    private static double clipThreshold(String spec) {
        GradientClipping clipping = Clippings.parse(spec, true);
        if (clipping instanceof GlobalNormClipping norm) {
            return norm.threshold();
        }
        throw new IllegalArgumentException("--clip must be norm:T (global-norm clipping), was '" + spec + "'");
    }
}
