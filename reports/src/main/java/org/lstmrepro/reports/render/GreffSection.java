package org.lstmrepro.reports.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.knowm.xchart.internal.chartpart.Chart;
import org.lstmrepro.reports.analysis.Fanova;
import org.lstmrepro.reports.analysis.GreffStudy;
import org.lstmrepro.reports.analysis.RegressionForest;
import org.lstmrepro.reports.analysis.SearchDimension;
import org.lstmrepro.reports.analysis.StudyTrial;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * A task's section for trials trained by epochs with early stopping (a random search on JSB Chorales),
 * analysed as Greff et al. (2015) analyse theirs ({@link GreffStudy}): the test loss per model beside the
 * published numbers, the variants against vanilla on their best 10 % of trials (Welch's t-test, Holm's
 * correction), each of the paper's findings marked reproduced or not, the box plots of figure 3, and
 * fANOVA with the marginals of figure 4.
 */
final class GreffSection {

    /** Receives a figure: its kind (for the file name), the chart if there is one, and its caption. */
    interface Figures {
        void add(String kind, Optional<? extends Chart<?, ?>> chart, String caption);
    }

    /** The seed of the fANOVA forest (fixed, so a report is reproducible from its store). */
    static final long FOREST_SEED = 2014;

    private final TaskGroup task;
    private final Map<String, Color> colours;
    private final Consumer<Block> blocks;
    private final Figures figures;

    private GreffSection(TaskGroup task, Map<String, Color> colours, Consumer<Block> blocks, Figures figures) {
        this.task = task;
        this.colours = colours;
        this.blocks = blocks;
        this.figures = figures;
    }

    /** Whether a task's trials are trained by epochs (and get this section). */
    static boolean applies(TaskGroup task) {
        return task.byModel().values().stream().flatMap(List::stream).anyMatch(StudyTrials::trainedByEpochs);
    }

    static void write(TaskGroup task, Map<String, Color> colours, Consumer<Block> blocks, Figures figures) {
        new GreffSection(task, colours, blocks, figures).write();
    }

    private void write() {
        List<StudyTrial> trials = new ArrayList<>();
        Map<String, String> families = new LinkedHashMap<>();
        String baseline = null;
        for (var e : task.byModel().entrySet()) {
            ModelLabel label = ModelLabel.parse(e.getKey());
            e.getValue().stream().filter(StudyTrials::trainedByEpochs).map(StudyTrials::of).forEach(trials::add);
            if (label.family().equals(ModelLabel.VANILLA) && label.variant() == null) {
                baseline = e.getKey();
            }
            families.put(e.getKey(), label.isVanillaVariant() ? "variants" : "baselines");
        }
        Set<String> lstmFamily = task.byModel().keySet().stream()
                .filter(m -> ModelLabel.parse(m).family().equals(ModelLabel.VANILLA)).collect(Collectors.toSet());
        List<Integer> used = new ArrayList<>();
        List<SearchDimension> dims = dimensions(trials, lstmFamily, used);
        List<StudyTrial> projected = trials.stream().map(t -> project(t, used)).toList();
        GreffStudy study = GreffStudy.analyse(projected, baseline == null ? "vanilla" : baseline, families, dims,
                lstmFamily, FOREST_SEED);

        blocks.accept(new Block.Paragraph("Trained by epochs with early stopping (Greff et al. 2015): each trial's result is "
                + "the test loss per predicted frame (on jsb-chorales the negative log-likelihood per frame in nats: the "
                + "binary cross-entropy summed over the 88 units, averaged over the test split's frames) at its best "
                + "validation epoch. A trial that diverged after its first epoch keeps its best epoch's result; one that "
                + "diverged in its first epoch has none. \"Best 10 %\" are a model's " + percent(GreffStudy.BEST_FRACTION)
                + " of trials with a result that have the lowest validation loss, as the paper selects them, but at least "
                + GreffStudy.BEST_MIN + " (or all when a model has fewer): 10 % of a small search is too few for a box or a test."));
        modelTable(study);
        comparisons(study, baseline);
        paired(study, baseline);
        boxPlots(study);
        fanova(study);
        findings(study, baseline);
    }

    private void modelTable(GreffStudy study) {
        blocks.accept(new Block.Heading(3, "Test NLL per model"));
        List<List<String>> rows = new ArrayList<>();
        for (GreffStudy.ModelSummary s : study.models()) {
            double[] all = s.allTest();
            double[] best = s.bestTest();
            rows.add(List.of("`" + s.model() + "`", Integer.toString(s.trials()), Integer.toString(s.finished().size()),
                    num(s.bestByValid()), num(s.lowestTest()), all.length == 0 ? Format.NONE : num(Quartiles.of(all).median()),
                    best.length == 0 ? Format.NONE : num(mean(best)) + " (" + best.length + ")",
                    GreffFindings.PUBLISHED.getOrDefault(ModelLabel.parse(s.model()).variant() == null
                            ? ModelLabel.parse(s.model()).family() : "", Format.NONE)));
        }
        blocks.accept(new Block.Table(List.of("model", "trials", "with a result", "test NLL of best trial by validation",
                "lowest test NLL", "median test NLL", "mean test NLL of best 10 % (n)", "published"), rows));
        blocks.accept(new Block.Paragraph("Published: " + GreffFindings.BAI + "; " + GreffFindings.GREFF + "."));
    }

    private void comparisons(GreffStudy study, String baseline) {
        if (study.comparisons().isEmpty()) {
            return;
        }
        blocks.accept(new Block.Heading(3, "Against vanilla (best 10 % of trials)"));
        blocks.accept(new Block.Paragraph("Each model's best 10 % of trials against `" + baseline + "`'s: mean test NLL, the "
                + "difference (positive: worse than vanilla), Welch's two-sided t-test, and the p-value after Holm's "
                + "correction within its family (the eight variants, as in the paper; the other models separately). A test "
                + "needs " + GreffStudy.MIN_PER_SIDE + " trials on each side."));
        List<List<String>> rows = new ArrayList<>();
        for (GreffStudy.Comparison c : study.comparisons()) {
            rows.add(List.of("`" + c.model() + "`", c.family(), c.n() + " / " + c.nBaseline(), num(c.mean()),
                    num(c.meanBaseline()), signed(c.mean() - c.meanBaseline()), Format.pValue(c.welchP()),
                    Format.pValue(c.holmP())));
        }
        blocks.accept(new Block.Table(List.of("model", "family", "n / n vanilla", "mean test NLL", "vanilla", "difference",
                "Welch p", "Holm p"), rows));
    }

    private void paired(GreffStudy study, String baseline) {
        if (study.paired().stream().allMatch(c -> c.pairs() == 0)) {
            return;
        }
        blocks.accept(new Block.Heading(3, "Against vanilla, draw by draw (all trials)"));
        blocks.accept(new Block.Paragraph("Every model sees the same hyperparameter draws, so each of its trials has a twin: `"
                + baseline + "`'s trial of the same draw. Over the draws where both have a result: the median of the "
                + "differences in test NLL (positive: worse than vanilla), on how many draws the model was worse, and "
                + "Wilcoxon's two-sided signed-rank test (exact up to " + GreffStudy.EXACT_WILCOXON_MAX + " pairs), with "
                + "Holm's correction within the family. This uses every trial rather than the best 10 %, so it has far "
                + "more power than the paper's test on a small search; it asks a different question (is the variant "
                + "worse at the same hyperparameters, not is its best worse). A test needs " + GreffStudy.MIN_PAIRS
                + " pairs."));
        List<List<String>> rows = new ArrayList<>();
        for (GreffStudy.PairedComparison c : study.paired()) {
            rows.add(List.of("`" + c.model() + "`", c.family(), Integer.toString(c.pairs()), Integer.toString(c.unpaired()),
                    signed(c.medianDifference()), c.worse() + " / " + c.pairs(), Format.pValue(c.wilcoxonP()),
                    Format.pValue(c.holmP())));
        }
        blocks.accept(new Block.Table(List.of("model", "family", "pairs", "left out", "median difference",
                "worse on", "Wilcoxon p", "Holm p"), rows));
    }

    private void boxPlots(GreffStudy study) {
        blocks.accept(new Block.Heading(3, "Figures"));
        Map<String, double[]> all = new LinkedHashMap<>();
        Map<String, double[]> best = new LinkedHashMap<>();
        for (GreffStudy.ModelSummary s : study.models()) {
            all.put(s.model(), s.allTest());
            best.put(s.model(), s.bestTest());
        }
        figures.add("nll-all", NllBoxChart.of("Test NLL per frame, all trials: " + task.text(), "test NLL (nats per frame)",
                all, colours), "Test NLL per frame of every trial with a result, per model (box: quartiles, line: "
                + "median, whiskers: 1.5 IQR; the number of trials in brackets; a log axis when a few runs lie far above "
                + "the rest), as Greff et al. 2015 figure 3.");
        figures.add("nll-best", NllBoxChart.of("Test NLL per frame, best 10 % by validation: " + task.text(),
                "test NLL (nats per frame)", best, colours), "Test NLL per frame of each model's best 10 % of trials by "
                + "validation NLL (a model needs " + TestMseBoxChart.MIN_VALUES_PER_BOX + " for a box).");
    }

    private void fanova(GreffStudy study) {
        blocks.accept(new Block.Heading(3, "Hyperparameter importance (fANOVA)"));
        GreffStudy.Importance imp = study.fanova();
        if (imp == null) {
            blocks.accept(new Block.Paragraph("Not computed yet: the vanilla LSTM family's trials with a result cover fewer "
                    + "than " + GreffStudy.MIN_FANOVA_TRIALS + " distinct hyperparameter points (every model sees the same "
                    + "draws, so a search cut short has few)."));
            return;
        }
        blocks.accept(new Block.Paragraph("Functional ANOVA (Hutter, Hoos & Leyton-Brown 2014) of the test NLL over the "
                + "hyperparameters, pooled over the trials of " + imp.models().stream().map(m -> "`" + m + "`")
                .collect(Collectors.joining(", ")) + " (" + imp.trials() + " trials): a bagged forest of "
                + RegressionForest.DEFAULT_TREES + " regression trees fitted in the coordinates the search sampled "
                + "uniformly (log learning rate, log(1 - momentum), log hidden size, noise), each tree's variance "
                + "decomposed exactly over the box the trials span; fraction of variance, mean ± std over the trees."));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < imp.dimensions().size(); i++) {
            rows.add(List.of(imp.dimensions().get(i).name(), pct(imp.main().get(i))));
        }
        imp.pairs().forEach((pair, e) -> rows.add(List.of(imp.dimensions().get(pair.get(0)).name() + " × "
                + imp.dimensions().get(pair.get(1)).name(), pct(e))));
        blocks.accept(new Block.Table(List.of("effect", "fraction of variance"), rows));
        for (GreffStudy.Marginal m : imp.marginals()) {
            figures.add("marginal-" + m.dimension().name(), Optional.of(MarginalChart.of(m, "predicted test NLL",
                    task.text())), "fANOVA marginal of " + m.dimension().name() + ": predicted test NLL averaged over the "
                    + "other hyperparameters (solid), ± one standard deviation over the trees (dashed), as Greff et al. "
                    + "2015 figure 4.");
        }
    }

    private void findings(GreffStudy study, String baseline) {
        blocks.accept(new Block.Heading(3, "The paper's findings on JSB Chorales, here"));
        List<List<String>> rows = new ArrayList<>();
        study.models().stream().filter(s -> s.model().equals(baseline)).findFirst().ifPresent(s -> rows.add(List.of(
                "best vanilla trial reaches a test NLL <= " + GreffFindings.VANILLA_TARGET + " (Greff fig. 3, Bai et al.)",
                "test NLL of the best trial by validation " + num(s.bestByValid()),
                Double.isNaN(s.bestByValid()) ? "not yet run" : s.bestByValid() <= GreffFindings.VANILLA_TARGET ? "yes" : "no",
                Format.NONE)));
        for (GreffStudy.Comparison c : study.comparisons()) {
            ModelLabel label = ModelLabel.parse(c.model());
            GreffFindings.Expected expected = label.isVanillaVariant() ? GreffFindings.VARIANTS.get(label.variant()) : null;
            if (expected == null) {
                continue;
            }
            String ours = Double.isNaN(c.holmP()) ? "not tested (n = " + c.n() + " / " + c.nBaseline() + ")"
                    : "difference " + signed(c.mean() - c.meanBaseline()) + ", Holm p = " + Format.pValue(c.holmP());
            String verdict;
            if (Double.isNaN(c.holmP())) {
                verdict = "not yet run";
            } else if (expected == GreffFindings.Expected.WORSE) {
                verdict = c.holmP() < GreffFindings.ALPHA && c.mean() > c.meanBaseline() ? "yes" : "no";
            } else {
                verdict = c.holmP() >= GreffFindings.ALPHA ? "yes (no difference detected)" : "no";
            }
            rows.add(List.of(label.variant() + ": " + expected.text, ours, verdict, pairedVerdict(study, c.model(), expected)));
        }
        GreffStudy.Importance imp = study.fanova();
        int lr = imp == null ? -1 : indexOf(imp, "learningRate");
        int mom = imp == null ? -1 : indexOf(imp, "momentum");
        if (lr >= 0) {
            int largest = 0;
            for (int i = 1; i < imp.main().size(); i++) {
                if (imp.main().get(i).mean() > imp.main().get(largest).mean()) {
                    largest = i;
                }
            }
            rows.add(List.of("the learning rate is the largest fANOVA main effect", "learning rate " + pct(imp.main().get(lr))
                    + "; largest: " + imp.dimensions().get(largest).name(), largest == lr ? "yes" : "no", Format.NONE));
        } else {
            rows.add(List.of("the learning rate is the largest fANOVA main effect", Format.NONE, "not yet run", Format.NONE));
        }
        if (mom >= 0) {
            rows.add(List.of("momentum explains below a few percent (we take < "
                    + percent(GreffFindings.MOMENTUM_SMALL) + ")", pct(imp.main().get(mom)),
                    imp.main().get(mom).mean() < GreffFindings.MOMENTUM_SMALL ? "yes" : "no", Format.NONE));
        } else {
            rows.add(List.of("momentum explains below a few percent", Format.NONE, "not yet run", Format.NONE));
        }
        blocks.accept(new Block.Table(List.of("finding (Greff et al. 2015)", "ours (best 10 %, the paper's test)",
                "reproduced", "draw by draw (all trials)"), rows));
        blocks.accept(new Block.Paragraph("\"No significant difference\" counts as reproduced when our test finds none at "
                + "the " + percent(GreffFindings.ALPHA) + " level after Holm's correction; with few trials per model a test "
                + "has little power, so such a \"yes\" is weak evidence. \"Significantly worse\" needs a Holm p below "
                + GreffFindings.ALPHA + " and a higher mean test NLL than vanilla. The last column applies the same rules "
                + "to the draw-by-draw test (higher median difference for \"worse\")."));
    }

    private static String pairedVerdict(GreffStudy study, String model, GreffFindings.Expected expected) {
        return study.paired().stream().filter(c -> c.model().equals(model)).findFirst().map(c -> {
            if (Double.isNaN(c.holmP())) {
                return "not tested (" + c.pairs() + " pairs)";
            }
            String p = "Holm p = " + Format.pValue(c.holmP()) + ", median " + signed(c.medianDifference()) + ": ";
            if (expected == GreffFindings.Expected.WORSE) {
                return p + (c.holmP() < GreffFindings.ALPHA && c.medianDifference() > 0 ? "yes" : "no");
            }
            return p + (c.holmP() >= GreffFindings.ALPHA ? "yes (no difference detected)" : "no");
        }).orElse(Format.NONE);
    }

    private static int indexOf(GreffStudy.Importance imp, String name) {
        for (int i = 0; i < imp.dimensions().size(); i++) {
            if (imp.dimensions().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The search dimensions: each hyperparameter that varies over the LSTM family's trials with a result,
     * its range the span of those trials; {@code used} receives their indices into {@link StudyTrials#NAMES}.
     */
    private static List<SearchDimension> dimensions(List<StudyTrial> trials, Set<String> pooled, List<Integer> used) {
        List<SearchDimension> dims = new ArrayList<>();
        for (int j = 0; j < StudyTrials.NAMES.size(); j++) {
            final int jj = j;
            double[] v = trials.stream().filter(t -> pooled.contains(t.model()) && t.finished())
                    .mapToDouble(t -> t.hyperparameters()[jj]).filter(Double::isFinite).toArray();
            if (v.length == 0) {
                continue;
            }
            double lo = java.util.Arrays.stream(v).min().orElseThrow();
            double hi = java.util.Arrays.stream(v).max().orElseThrow();
            SearchDimension.Scale scale = StudyTrials.SCALES.get(j);
            boolean positive = scale == SearchDimension.Scale.LOG ? lo > 0 : scale != SearchDimension.Scale.ONE_MINUS_LOG || hi < 1;
            if (lo < hi && positive) {
                dims.add(new SearchDimension(StudyTrials.NAMES.get(j), lo, hi, scale));
                used.add(j);
            }
        }
        return dims;
    }

    private static StudyTrial project(StudyTrial t, List<Integer> used) {
        double[] h = new double[used.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = t.hyperparameters()[used.get(i)];
        }
        return new StudyTrial(t.model(), t.validLoss(), t.testLoss(), h);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? Format.NONE : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? Format.NONE : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String pct(Fanova.Estimate e) {
        return String.format(Locale.ROOT, "%.1f %% ± %.1f", 100 * e.mean(), 100 * e.std());
    }

    private static String percent(double f) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * f);
    }
}
