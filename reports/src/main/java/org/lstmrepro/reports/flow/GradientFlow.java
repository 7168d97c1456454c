package org.lstmrepro.reports.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmrepro.core.data.Sequence;
import org.lstmrepro.core.io.ParameterFile;
import org.lstmrepro.core.model.BpttNetwork;
import org.lstmrepro.core.model.RecurrentNetwork;
import org.lstmrepro.core.optim.GlobalNormClipping;
import org.lstmrepro.core.train.TrainingResult;
import org.lstmrepro.reports.run.ModelOptions;
import org.lstmrepro.reports.run.Trial;
import org.lstmrepro.reports.run.TrialSpec;
import org.lstmrepro.tasks.Task;

/**
 * The gradient-flow analyses: why the CEC keeps error from vanishing, how gradients still explode, and
 * what clipping does (issue 5). Pure computation; {@link FlowPlots} and {@link FlowMarkdown} render the
 * {@link FlowReport}.
 */
public final class GradientFlow {

    /** The standard side-by-side set: vanishing RNN, the 1997 LSTM, the vanilla LSTM with and without forget gate. */
    public static final List<String> COMPARE_MODELS = List.of("rnn", "original1997", "vanilla", "vanilla:NFG");
    /** The radius of the "vanishing" reference RNN in the exploding-gradient study. */
    public static final double SMALL_RADIUS = 0.5;
    /**
     * The exploding networks of the comparison and the spectral radius every recurrent block is scaled to.
     * The gates' and g's derivatives (at most 1/4 and 1) shrink each step's factor, so a gated network needs
     * much larger recurrent weights than a simple RNN before the error grows along the R paths; measured on
     * the adding problem (T = 100) at initialisation, seed 1: the LSTM without forget gate at radius 10 grows
     * by about 7 decades over 99 steps, the GRU at radius 6 by about 9 (the simple tanh RNN at any radius
     * saturates and vanishes instead; the vanilla LSTM at 20 grows only over its last few lags).
     */
    public static final Map<String, Double> EXPLODING = orderedMap("vanilla:NFG", 10.0, "gru", 6.0);

    private GradientFlow() {
    }

    private static Map<String, Double> orderedMap(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * One model: error-flow curves at initialisation and after the short training (or with loaded weights),
     * spectral radii, gate statistics and a cell-state trace for LSTMs, and the exploding-gradient study of
     * this model with its recurrent matrices scaled to {@code settings.spectralRadius()}.
     *
     * @param rule the rule to measure with, or null for the model's own (both rules for the 1997 LSTM)
     */
    public static FlowReport analyse(String model, FlowRule rule, FlowSettings settings) {
        Trial trial = trial(model, settings);
        ModelFlow flow = measureModel(trial, rule, settings);
        List<ExplodingCase> exploding = List.of(exploding(model, settings.spectralRadius(), settings));
        return new FlowReport(describe(trial.task()), settings, List.of(flow), exploding);
    }

    /**
     * The standard comparison ({@link #COMPARE_MODELS}), and the exploding-gradient study: a simple RNN at
     * radius {@link #SMALL_RADIUS} and at {@code settings.spectralRadius()}, and the networks of
     * {@link #EXPLODING} at their radii.
     */
    public static FlowReport compare(FlowSettings settings) {
        List<ModelFlow> models = new ArrayList<>();
        String task = null;
        for (String model : COMPARE_MODELS) {
            Trial trial = trial(model, settings);
            task = describe(trial.task());
            models.add(measureModel(trial, null, settings));
        }
        List<ExplodingCase> exploding = new ArrayList<>();
        exploding.add(exploding("rnn", SMALL_RADIUS, settings));
        exploding.add(exploding("rnn", settings.spectralRadius(), settings));
        EXPLODING.forEach((model, radius) -> exploding.add(exploding(model, radius, settings)));
        return new FlowReport(task, settings, models, exploding);
    }

    /**
     * Checks, before any work, that {@code model} names a model and {@code rule} (null: the model's own) is a
     * backward pass its network has: truncated1997 needs a constant error carousel ({@link FlowRule#backwardView}).
     */
    public static void checkModelAndRule(String model, FlowRule rule, FlowSettings settings) {
        RecurrentNetwork network = trial(model, settings).model().network();
        if (rule != null) {
            rule.backwardView(network);
        }
    }

    // ------------------------------------------------------------------------------------------ parts

    private static Trial trial(String model, FlowSettings s) {
        TrialSpec spec = new TrialSpec(model, s.task(), s.taskSettings(), null, null, null, null, "none", true,
                Math.max(1, s.trainSequences()), null, null, s.seed(), s.testSeed(), ModelOptions.DEFAULTS);
        return new Trial(spec, Double.POSITIVE_INFINITY); // the model's and paper's defaults, no progress lines
    }

    private static ModelFlow measureModel(Trial trial, FlowRule only, FlowSettings s) {
        RecurrentNetwork network = trial.model().network();
        List<FlowRule> rules = rulesFor(trial, only);
        List<Sequence> test = trial.task().testSet(s.testSeed());
        List<Sequence> flowSet = test.subList(0, Math.min(s.flowSequences(), test.size()));
        String model = trial.settings().get("model").toString();
        List<FlowCurve> initial = curves(model, "init", network, rules, flowSet);
        Map<String, double[]> radii = new LinkedHashMap<>();
        for (RecurrentMatrix m : RecurrentMatrix.of(network)) {
            radii.put(m.name(), new double[] {m.spectralRadius(), Double.NaN});
        }
        String stage = "initialisation";
        String detail = stage;
        List<FlowCurve> trained = List.of();
        if (s.params() != null) {
            ParameterFile.load(s.params(), network.parameters());
            stage = "weights from " + s.params().getFileName();
            detail = "weights from " + s.params();
        } else if (s.trainSequences() > 0) {
            TrainingResult result = trial.run(null);
            stage = "after " + result.sequences() + " training sequences";
            detail = stage + " (" + trial.settings().get("rule") + ", " + result.status()
                    + (result.test() == null ? "" : ", " + result.test().errors() + " of "
                    + result.test().size() + " test sequences wrong") + ")";
        }
        if (!stage.equals("initialisation")) {
            if (!network.parameters().allValuesFinite()) {
                throw new IllegalArgumentException(model + ": the weights are not finite after " + stage);
            }
            trained = curves(model, "trained", network, rules, flowSet);
            for (RecurrentMatrix m : RecurrentMatrix.of(network)) {
                radii.get(m.name())[1] = m.spectralRadius();
            }
        }
        GateStatistics gates = null;
        CellTrace trace = null;
        if (network instanceof BpttNetwork bptt && bptt.gateProbe().isPresent()) {
            gates = GateStatistics.measure(bptt, test.subList(0, Math.min(s.gateSequences(), test.size())));
            trace = CellTrace.measure(bptt, test.get(0), markerInput(trial.task()));
        }
        return new ModelFlow(model, initial, trained, radii, gates, trace, stage, detail);
    }

    /** The rule asked for, else the model's own rule first and full BPTT beside it. */
    private static List<FlowRule> rulesFor(Trial trial, FlowRule only) {
        if (only != null) {
            only.backwardView(trial.model().network()); // refuses a rule the model does not support
            return List.of(only);
        }
        return trial.model().rule().equals(FlowRule.TRUNCATED_1997.id())
                ? List.of(FlowRule.TRUNCATED_1997, FlowRule.BPTT)
                : List.of(FlowRule.BPTT);
    }

    private static List<FlowCurve> curves(String model, String stage, RecurrentNetwork network, List<FlowRule> rules,
                                          List<Sequence> sequences) {
        List<FlowCurve> out = new ArrayList<>();
        for (FlowRule rule : rules) {
            String label = model + " (" + rule.id() + ", " + stage + ")";
            BpttNetwork view = rule.backwardView(network);
            out.add(FlowCurve.measure(label, view, view.carryLayout(), sequences));
        }
        return out;
    }

    /** The model at initialisation with every recurrent block scaled to {@code radius}, measured under full BPTT. */
    static ExplodingCase exploding(String model, double radius, FlowSettings s) {
        Trial trial = trial(model, s);
        RecurrentNetwork network = trial.model().network();
        Map<String, Double> radii = new LinkedHashMap<>();
        for (RecurrentMatrix m : RecurrentMatrix.of(network)) {
            m.scaleToRadius(radius);
            radii.put(m.name(), m.spectralRadius());
        }
        List<Sequence> test = trial.task().testSet(s.testSeed());
        List<Sequence> flowSet = test.subList(0, Math.min(s.flowSequences(), test.size()));
        String label = trial.settings().get("model") + ", radius " + radius;
        // full BPTT: explosion happens along the recurrent paths, which the 1997 truncated rule cuts
        BpttNetwork view = FlowRule.BPTT.backwardView(network);
        FlowCurve curve = FlowCurve.measure(label, view, view.carryLayout(), flowSet);
        List<Sequence> clipSet = test.subList(0, Math.min(Math.max(s.flowSequences(), 32), test.size()));
        ClippingEffect clipping = ClippingEffect.measure(view, clipSet, new GlobalNormClipping(s.clipThreshold(), true));
        return new ExplodingCase(label, radii, curve, clipping);
    }

    /** The input that marks the values to remember: the marker of the adding problems, else none. */
    static int markerInput(Task task) {
        return task.id().startsWith("adding") && task.inputSize() == 2 ? 1 : -1;
    }

    private static String describe(Task task) {
        return task.id() + " " + task.settings();
    }
}
