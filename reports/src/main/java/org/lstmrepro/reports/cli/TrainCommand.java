package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.train.TrainingResult;
import org.lstmrepro.reports.run.LearningRules;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.RunSummary;
import org.lstmrepro.reports.run.Trial;
import org.lstmrepro.reports.run.TrialSpec;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lstm-repro train}: one training run with the paper's settings as defaults; progress on
 * stderr, a JSON summary as the last line of stdout.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Trains one model on one task, then evaluates it on the task's test set.",
            "",
            "Training stops at the task's stopping criterion (the paper's), the sequence budget, or divergence. "
                + "Progress goes to stderr; the last line of stdout is a JSON summary: status (SOLVED, BUDGET_EXHAUSTED"
                + " or DIVERGED), sequences, testErrors, testSize, seconds, and every setting that produced it. Every "
                + "setting the paper fixes (architecture, initial biases, learning rate, criterion) is the default. "
                + "The model options (from --blocks to --derivative-clip) are those of the models named before each."})
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Its description lists the registered models: {@link ModelOptionFlags} writes it. */
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model.")
    String model;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "A task id, see 'lstm-repro tasks'.")
    String task;

    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Master seed: initial weights and training sequences (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "Learning rule: " + LearningRules.FORMS + ". truncated1997 is the 1997 truncated gradient"
                    + " (error flows back only through the CEC); tbptt is truncated BPTT (Williams & Peng 1990)."
                    + " Default: truncated1997 for original1997, bptt otherwise.")
    String rule;

    @Option(names = "--optimizer", paramLabel = "OPT",
            description = "sgd (the 1997 rule), momentum:MU, nesterov:MU, adam[:B1[,B2[,EPS]]]."
                    + " Default: sgd for original1997, nesterov:0.9 otherwise (Greff et al. 2015).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: the paper's for original1997's presets, 0.01 otherwise).")
    Double learningRate;

    @Option(names = "--schedule", paramLabel = "WHEN",
            description = "When to update: online (after every step with an error, as 1997), sequence, batch:N."
                    + " Default: online for original1997, sequence otherwise.")
    String schedule;

    @Option(names = "--clip", defaultValue = "none", paramLabel = "CLIP",
            description = "Gradient clipping: none, norm:T (global L2 norm, Pascanu et al. 2013), value:L (default: ${DEFAULT-VALUE}).")
    String clipping;

    @Option(names = "--clip-output-layer", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Whether clipping includes the output layer (default: ${DEFAULT-VALUE}).")
    boolean clipOutputLayer;

    @Option(names = "--max-sequences", paramLabel = "N", defaultValue = "" + TrialSpec.DEFAULT_MAX_SEQUENCES,
            description = "Budget of training sequences (default: ${DEFAULT-VALUE}).")
    long maxSequences;

    @Option(names = "--stop-error", paramLabel = "E",
            description = "Stop when the mean squared error of the recent window is below E (default: the task's).")
    Double stopError;

    @Option(names = "--stop-window", paramLabel = "N",
            description = "...and the N most recent sequences were all correct (default: the task's, 2000 for the 1997 tasks).")
    Integer stopWindow;

    @Option(names = "--max-epochs", paramLabel = "N",
            description = "A task with a fixed data set (jsb-chorales): the most epochs (default: 150, Greff et al. 2015).")
    Integer maxEpochs;

    @Option(names = "--patience", paramLabel = "N",
            description = "A task with a fixed data set: stop after N epochs without a better validation loss (default: 15).")
    Integer patience;

    @Option(names = "--input-noise", paramLabel = "SIGMA",
            description = "A task with a fixed data set: additive Gaussian noise on the training inputs (default: 0).")
    Double inputNoise;

    @Option(names = "--rescale-lr", negatable = true,
            description = "Multiply a momentum optimizer's learning rate by (1 - momentum), as Greff et al. 2015 (default: off).")
    Boolean rescaleLearningRate;

    @Option(names = "--test-seed", paramLabel = "S", defaultValue = "" + TrialSpec.DEFAULT_TEST_SEED,
            description = "Seed of the test set (default: ${DEFAULT-VALUE}, the same for every run).")
    long testSeed;

    @Option(names = "--save-params", paramLabel = "FILE",
            description = "Write the trained weights here (interchange parameter format).")
    Path saveParams;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--progress-seconds", defaultValue = "2", paramLabel = "S",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    double progressSeconds;

    @Override
    public void run() {
        if (maxSequences < 1) {
            throw new IllegalArgumentException("--max-sequences must be at least 1, was " + maxSequences);
        }
        if (!(progressSeconds >= 0)) {
            throw new IllegalArgumentException("--progress-seconds must be at least 0, was " + progressSeconds);
        }
        OutputTargets.requireWritableFile("--save-params", saveParams);
        ModelOptions options = ModelOptionFlags.values(spec, model);
        TrialSpec trialSpec = new TrialSpec(model, task, taskOptions.settings(), rule, optimizer, learningRate, schedule,
                clipping, clipOutputLayer, maxSequences, stopError, stopWindow, seed, testSeed, options, maxEpochs, patience,
                inputNoise, rescaleLearningRate);
        Trial trial = new Trial(trialSpec, quiet ? Double.POSITIVE_INFINITY : progressSeconds);
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            err.println("lstm-repro train: " + trial.settings().get("model") + " on " + trial.task().id() + " "
                    + trial.task().settings() + ", rule " + trial.settings().get("rule") + ", "
                    + trial.settings().get("optimizer") + ", " + trial.settings().get("weights") + " weights, seed " + seed);
        }
        TrainingResult result = trial.run(quiet ? null : new ProgressLine(err));
        if (saveParams != null && trial.model().network().parameters().allValuesFinite()) {
            ParameterFile.write(saveParams, trial.model().network().modelId(), trial.model().config(),
                    trial.model().network().parameters());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(RunSummary.toJson(result, trial.settings()));
        out.flush();
    }
}
