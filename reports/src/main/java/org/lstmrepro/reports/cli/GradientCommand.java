package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.io.GradientFile;
import org.lstmrepro.core.io.ModelConfigFile;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.io.SequenceFile;
import org.lstmrepro.core.learn.LearningRule;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.random.RandomStream;
import org.lstmrepro.reports.run.ConfiguredModel;
import org.lstmrepro.reports.run.LearningRules;
import org.lstmrepro.reports.run.SequenceGradient;
import org.lstmrepro.truncated.TruncatedBptt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lstm-repro gradient}: the loss, outputs and gradient of one sequence for given weights, in
 * the interchange formats, so that an outside tool (PyTorch, NumPy) can check our gradients. Can also
 * write freshly initialised weights (the ones {@code train} starts from) for the outside tool to load.
 *
 * <p>Everything is read and checked before anything is written, so a bad setting leaves no file.
 */
@Command(name = "gradient", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes the loss, outputs and gradient of one sequence for fixed weights.",
            "",
            "The weights come from a parameter file (--params), or are initialised fresh (--init-seed N --config "
                + "FILE) exactly as 'train --seed N' starts; --write-params saves those. The result is a gradient file "
                + "(lstm-repro/gradient/v1) for cross-checks with other tools; formats in docs/formats.md. A one-line "
                + "JSON summary goes to stdout."})
final class GradientCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--params", paramLabel = "FILE", description = "Parameter file (lstm-repro/params/v1) with the weights.")
    Path params;

    @Option(names = "--init-seed", paramLabel = "N",
            description = "Initialise fresh weights from master seed N (the stream 'train --seed N' uses); needs --config.")
    Long initSeed;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model description {\"model\": ..., \"config\": {...}} for --init-seed (a parameter file also works).")
    Path config;

    @Option(names = "--write-params", paramLabel = "FILE", description = "Write the freshly initialised weights here.")
    Path writeParams;

    @Option(names = "--sequence", paramLabel = "FILE",
            description = "Sequence file (lstm-repro/sequence/v1), or a JSON-lines file with --sequence-line.")
    Path sequence;

    @Option(names = "--sequence-line", paramLabel = "N",
            description = "Take the N-th sequence (from 1, blank lines skipped) of the JSON-lines file --sequence.")
    Integer sequenceLine;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "Learning rule: " + LearningRules.FORMS + ". truncated1997 (original1997 and vanilla; not rnn,"
                    + " gru) gives the 1997 rule's online contributions summed with the weights fixed.")
    String rule;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the gradient file here.")
    Path out;

    @Override
    public void run() {
        boolean computeGradient = checkOptions();
        OutputTargets.requireWritableFile("--out", out);
        OutputTargets.requireWritableFile("--write-params", writeParams);
        ConfiguredModel model = params != null
                ? ConfiguredModel.load(ParameterFile.read(params))
                : ConfiguredModel.initialise(ModelConfigFile.read(config), RandomStream.root(initSeed).derive("init"));
        RecurrentNetwork network = model.network();
        Sequence seq = null;
        LearningRule learningRule = null;
        if (computeGradient) {
            seq = readSequence();
            SequenceGradient.requireFits(network, seq, sequence.toString());
            learningRule = LearningRules.create(rule, network);
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", network.modelId());
        summary.put("weights", network.parameters().totalSize());
        if (writeParams != null) {
            ParameterFile.write(writeParams, network.modelId(), model.config(), network.parameters());
            summary.put("params", writeParams.toString());
        }
        if (computeGradient) {
            SequenceGradient.Result result = SequenceGradient.compute(learningRule, seq);
            String ruleId = ruleId(learningRule, model.config());
            GradientFile.write(out, network.modelId(), ruleId, result.loss(), result.outputs(), network.parameters());
            summary.put("rule", ruleId);
            summary.put("steps", seq.length());
            summary.put("loss", result.loss());
            summary.put("gradient", out.toString());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(toJson(summary));
        stdout.flush();
    }

    /** Checks that the options name one source of weights and something to do; returns whether a gradient is wanted. */
    private boolean checkOptions() {
        boolean init = initSeed != null || config != null;
        if (params != null && init) {
            throw new IllegalArgumentException("--params and --init-seed/--config exclude each other: give the weights,"
                    + " or initialise fresh ones");
        }
        if (params == null && !init) {
            throw new IllegalArgumentException("no weights: give --params FILE, or --init-seed N with --config FILE");
        }
        if (init && (initSeed == null || config == null)) {
            throw new IllegalArgumentException(initSeed == null ? "--config needs --init-seed N" : "--init-seed needs --config FILE");
        }
        if (writeParams != null && !init) {
            throw new IllegalArgumentException("--write-params writes freshly initialised weights; it needs --init-seed and --config");
        }
        if (sequenceLine != null && sequence == null) {
            throw new IllegalArgumentException("--sequence-line needs --sequence FILE");
        }
        boolean anyGradientOption = sequence != null || rule != null || out != null;
        if (anyGradientOption && (sequence == null || rule == null || out == null)) {
            throw new IllegalArgumentException("a gradient needs --sequence, --rule and --out; missing "
                    + String.join(", ", missingGradientOptions()));
        }
        if (!anyGradientOption && writeParams == null) {
            throw new IllegalArgumentException("nothing to do: give --sequence, --rule and --out for a gradient"
                    + (init ? ", or --write-params for the weights" : ""));
        }
        if (out != null && (out.equals(params) || out.equals(writeParams))) {
            throw new IllegalArgumentException("--out " + out + " would overwrite the parameter file");
        }
        return anyGradientOption;
    }

    private List<String> missingGradientOptions() {
        return Stream.of(sequence == null ? "--sequence" : null, rule == null ? "--rule" : null,
                out == null ? "--out" : null).filter(Objects::nonNull).toList();
    }

    private Sequence readSequence() {
        if (sequenceLine == null) {
            return SequenceFile.read(sequence);
        }
        List<Sequence> all = SequenceFile.readJsonLines(sequence);
        if (sequenceLine < 1 || sequenceLine > all.size()) {
            throw new IllegalArgumentException("--sequence-line " + sequenceLine + ": " + sequence + " holds "
                    + all.size() + " sequence" + (all.size() == 1 ? "" : "s"));
        }
        return all.get(sequenceLine - 1);
    }

    /**
     * The rule as named in the gradient file: {@code bptt}, {@code truncated1997}, or {@code tbptt:K1,K2};
     * with the suffix {@code +derivativeClip:L} when the network clips dE/d(net) in its backward pass
     * (vanilla {@code config.derivativeClip} L &gt; 0 under bptt or tbptt), because the file then holds
     * that clipped quantity, not the gradient the plain rule names. (The 1997-style truncated gradient,
     * forward mode, refuses derivative clipping before this is reached.)
     */
    static String ruleId(LearningRule rule, Map<String, Object> config) {
        String id = rule instanceof TruncatedBptt t ? t.id() + ":" + t.k1() + "," + t.k2() : rule.id();
        Object clip = config.get("derivativeClip");
        boolean backward = !id.equals("truncated1997");
        if (backward && clip instanceof Number n && n.doubleValue() > 0) {
            return id + "+derivativeClip:" + formatLimit(n.doubleValue());
        }
        return id;
    }

    private static String formatLimit(double limit) {
        return limit == Math.rint(limit) && Math.abs(limit) < 1e15 ? Long.toString((long) limit) : Double.toString(limit);
    }

    private static String toJson(Map<String, Object> summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary", e);
        }
    }
}
