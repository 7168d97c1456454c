package org.lstmrepro.reports.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.lstmrepro.core.math.Median;

/**
 * The analysis of Greff et al. (2015, "LSTM: A Search Space Odyssey", the results section and
 * figures 3 and 4) of a random search over models and hyperparameters: per model the best trials by
 * validation loss, their test losses against the baseline (vanilla) with Welch's t-test and Holm's
 * correction within each family of comparisons, and fANOVA of the test loss over the hyperparameters.
 * Beside the paper's comparison, one it could not make: when every model sees the same hyperparameter
 * draws (our random search shares them), each model's trial is paired with the baseline's trial of the
 * same draw, and the paired test losses are compared over all draws with Wilcoxon's signed-rank test.
 *
 * @param models      per model (in the order first seen), its summary
 * @param comparisons every non-baseline model against the baseline, in model order
 * @param paired      every non-baseline model against the baseline draw by draw, in model order
 * @param fanova      the hyperparameter importances, or null when too few trials finished
 */
public record GreffStudy(List<ModelSummary> models, List<Comparison> comparisons, List<PairedComparison> paired,
                         Importance fanova) {

    /** The share of each model's trials, best by validation loss, the comparison uses (the paper's 10 %). */
    public static final double BEST_FRACTION = 0.10;
    /**
     * The fewest best trials per model: the paper's 10 % of 200 trials is 20, but 10 % of a small search is
     * one or two trials, too few for a box or a t-test; a small search compares its best 3 instead.
     */
    public static final int BEST_MIN = 3;
    /** The fewest trials per side a t-test is made with. */
    public static final int MIN_PER_SIDE = 2;
    /** Points per marginal curve. */
    public static final int MARGINAL_POINTS = 41;
    /**
     * The fewest distinct hyperparameter points among the finished trials a forest is fitted to (when
     * every model sees the same draws, the variants of one draw count once: the forest cannot separate
     * hyperparameters from a handful of points).
     */
    public static final int MIN_FANOVA_TRIALS = 8;

    /**
     * One model's trials.
     *
     * @param model      its label
     * @param trials     all its trials
     * @param finished   those with a test result
     * @param best       its best {@link #BEST_FRACTION} of finished trials by validation loss (at least
     *                   {@link #BEST_MIN}, or all of them when fewer)
     * @param bestByValid the test loss of its best trial by validation loss
     * @param lowestTest the lowest test loss of any of its trials
     */
    public record ModelSummary(String model, int trials, List<StudyTrial> finished, List<StudyTrial> best,
                               double bestByValid, double lowestTest) {

        public double[] allTest() {
            return finished.stream().mapToDouble(StudyTrial::testLoss).toArray();
        }

        public double[] bestTest() {
            return best.stream().mapToDouble(StudyTrial::testLoss).toArray();
        }
    }

    /**
     * A model's best trials against the baseline's.
     *
     * @param model     the model
     * @param family    the comparison family Holm's correction runs over (e.g. the eight variants)
     * @param n         its best trials
     * @param nBaseline the baseline's best trials
     * @param mean      mean test loss of its best trials
     * @param meanBaseline mean test loss of the baseline's best trials
     * @param welchP    Welch's two-sided t-test p-value, NaN when not made
     * @param holmP     the p-value after Holm's correction over the family, NaN when not made
     */
    public record Comparison(String model, String family, int n, int nBaseline, double mean, double meanBaseline,
                             double welchP, double holmP) {
    }

    /**
     * A model's trials against the baseline's trial of the same hyperparameter draw (the same values of
     * every hyperparameter the model has: a model of fixed size, like the 1997 LSTM here, is paired on
     * its optimizer's draws), over the draws where both have a test result. With d_i the model's test loss
     * minus the baseline's on draw i, Wilcoxon's signed-rank statistic W+ = Σ_{d_i > 0} rank(|d_i|), and the
     * two-sided p-value is exact (all 2^n sign patterns) for n ≤ {@value #EXACT_WILCOXON_MAX} pairs, from
     * the normal approximation above (commons-math3 {@link WilcoxonSignedRankTest}, capped at 1).
     *
     * @param model            the model
     * @param family           the family Holm's correction runs over
     * @param pairs            draws where both have a result
     * @param unpaired         the model's draws left out (no baseline trial of that draw, or either has no result)
     * @param medianDifference median of d_i (positive: the model's test loss is higher, i.e. worse)
     * @param worse            draws where d_i &gt; 0
     * @param wilcoxonP        the two-sided p-value, NaN when fewer than {@value #MIN_PAIRS} pairs
     * @param holmP            after Holm's correction over the family, NaN when not made
     */
    public record PairedComparison(String model, String family, int pairs, int unpaired, double medianDifference,
                                   int worse, double wilcoxonP, double holmP) {
    }

    /** The fewest pairs a signed-rank test is made with (below it no p-value can reach 0.05). */
    public static final int MIN_PAIRS = 6;
    /** The most pairs for which commons-math3 computes the exact signed-rank p-value. */
    public static final int EXACT_WILCOXON_MAX = 30;

    /**
     * fANOVA of the test loss over the hyperparameters.
     *
     * @param dimensions the hyperparameters
     * @param trials     finished trials the forest was fitted to
     * @param models     the models whose trials were pooled
     * @param main       per dimension, the fraction of variance of its main effect
     * @param pairs      per pair {i, j} (i &lt; j, in order), the fraction of its interaction
     * @param marginals  per dimension, the marginal curve
     */
    public record Importance(List<SearchDimension> dimensions, int trials, List<String> models,
                             List<Fanova.Estimate> main, Map<List<Integer>, Fanova.Estimate> pairs,
                             List<Marginal> marginals) {
    }

    /**
     * A marginal: the predicted test loss against one hyperparameter (natural units), averaged over the
     * others, mean and standard deviation over the forest's trees.
     */
    public record Marginal(SearchDimension dimension, double[] x, double[] mean, double[] std) {
    }

    /**
     * Analyses a random search.
     *
     * @param trials     every trial
     * @param baseline   the model the others are compared with (vanilla)
     * @param families   model to comparison family; models not listed form the family "others"
     * @param dimensions the hyperparameters, in the order of {@link StudyTrial#hyperparameters()}
     * @param fanovaModels the models whose trials fANOVA pools (Greff et al.: the LSTM variants)
     * @param seed       the forest's seed
     */
    public static GreffStudy analyse(List<StudyTrial> trials, String baseline, Map<String, String> families,
                                     List<SearchDimension> dimensions, Set<String> fanovaModels, long seed) {
        Map<String, List<StudyTrial>> byModel = new LinkedHashMap<>();
        trials.forEach(t -> byModel.computeIfAbsent(t.model(), k -> new ArrayList<>()).add(t));
        List<ModelSummary> models = new ArrayList<>();
        byModel.forEach((m, list) -> models.add(summary(m, list)));
        ModelSummary base = models.stream().filter(s -> s.model().equals(baseline)).findFirst().orElse(null);
        List<Comparison> comparisons = new ArrayList<>();
        for (ModelSummary s : models) {
            if (s.model().equals(baseline)) {
                continue;
            }
            comparisons.add(compare(s, base, families.getOrDefault(s.model(), "others")));
        }
        comparisons = holm(comparisons);
        List<PairedComparison> paired = new ArrayList<>();
        for (ModelSummary s : models) {
            if (!s.model().equals(baseline) && base != null) {
                paired.add(pair(byModel.get(s.model()), byModel.get(baseline), s.model(),
                        families.getOrDefault(s.model(), "others")));
            }
        }
        paired = holmPaired(paired);
        List<StudyTrial> pooled = trials.stream().filter(t -> fanovaModels.contains(t.model()) && t.finished()).toList();
        long points = pooled.stream().map(t -> Arrays.toString(t.hyperparameters())).distinct().count();
        Importance importance = points >= MIN_FANOVA_TRIALS
                ? importance(pooled, dimensions, fanovaModels.stream().filter(byModel::containsKey).sorted().toList(), seed)
                : null;
        return new GreffStudy(List.copyOf(models), List.copyOf(comparisons), List.copyOf(paired), importance);
    }

    static ModelSummary summary(String model, List<StudyTrial> trials) {
        List<StudyTrial> finished = trials.stream().filter(StudyTrial::finished)
                .sorted(Comparator.comparingDouble(StudyTrial::validLoss)).toList();
        int k = Math.min(finished.size(), Math.max(BEST_MIN, (int) Math.round(BEST_FRACTION * finished.size())));
        double lowest = finished.stream().mapToDouble(StudyTrial::testLoss).min().orElse(Double.NaN);
        return new ModelSummary(model, trials.size(), finished, finished.subList(0, k),
                finished.isEmpty() ? Double.NaN : finished.get(0).testLoss(), lowest);
    }

    private static Comparison compare(ModelSummary s, ModelSummary base, String family) {
        double[] a = s.bestTest();
        double[] b = base == null ? new double[0] : base.bestTest();
        double p = Double.NaN;
        if (a.length >= MIN_PER_SIDE && b.length >= MIN_PER_SIDE
                && (StatUtils.variance(a) > 0 || StatUtils.variance(b) > 0)) {
            p = new TTest().tTest(a, b);
        }
        return new Comparison(s.model(), family, a.length, b.length, mean(a), mean(b), p, Double.NaN);
    }

    private static List<Comparison> holm(List<Comparison> comparisons) {
        return holmByFamily(comparisons, Comparison::family, Comparison::welchP, (c, adjusted) -> new Comparison(c.model(),
                c.family(), c.n(), c.nBaseline(), c.mean(), c.meanBaseline(), c.welchP(), adjusted));
    }

    /** Holm's correction of each item's p-value within its family, the items in the order given. */
    private static <C> List<C> holmByFamily(List<C> items, Function<C, String> family, ToDoubleFunction<C> p,
                                            BiFunction<C, Double, C> withAdjusted) {
        Map<String, List<Integer>> byFamily = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byFamily.computeIfAbsent(family.apply(items.get(i)), f -> new ArrayList<>()).add(i);
        }
        List<C> out = new ArrayList<>(items);
        byFamily.values().forEach(idx -> {
            double[] adjusted = Holm.adjust(idx.stream().mapToDouble(i -> p.applyAsDouble(items.get(i))).toArray());
            for (int k = 0; k < idx.size(); k++) {
                out.set(idx.get(k), withAdjusted.apply(items.get(idx.get(k)), adjusted[k]));
            }
        });
        return out;
    }

    private static PairedComparison pair(List<StudyTrial> model, List<StudyTrial> baseline, String name, String family) {
        boolean[] shared = finiteIn(model.get(0));
        Map<String, StudyTrial> byDraw = new LinkedHashMap<>();
        baseline.forEach(t -> byDraw.putIfAbsent(drawKey(t, shared), t));
        List<double[]> pairs = new ArrayList<>();
        int unpaired = 0;
        for (StudyTrial t : model) {
            StudyTrial b = byDraw.get(drawKey(t, shared));
            if (b == null || !b.finished() || !t.finished()) {
                unpaired++;
            } else {
                pairs.add(new double[] {t.testLoss(), b.testLoss()});
            }
        }
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double[] d = new double[x.length];
        int worse = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
            worse += d[i] > 0 ? 1 : 0;
        }
        double p = Double.NaN;
        if (d.length >= MIN_PAIRS && Arrays.stream(d).anyMatch(v -> v != 0)) {
            // commons-math3 doubles the upper tail of max(W+, W-); when W+ = W- that tail holds the middle
            // of the distribution twice and the product exceeds 1: the two-sided p-value is then 1.
            p = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, d.length <= EXACT_WILCOXON_MAX));
        }
        return new PairedComparison(name, family, d.length, unpaired, d.length == 0 ? Double.NaN : Median.of(d),
                worse, p, Double.NaN);
    }

    /** The hyperparameters a trial has a value for (a model without a hidden size has NaN there). */
    private static boolean[] finiteIn(StudyTrial t) {
        boolean[] use = new boolean[t.hyperparameters().length];
        for (int i = 0; i < use.length; i++) {
            use[i] = Double.isFinite(t.hyperparameters()[i]);
        }
        return use;
    }

    /** A trial's draw, read on the hyperparameters {@code use} marks. */
    private static String drawKey(StudyTrial t, boolean[] use) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < use.length; i++) {
            key.append(use[i] && i < t.hyperparameters().length ? Double.toString(t.hyperparameters()[i]) : "*").append(',');
        }
        return key.toString();
    }

    private static List<PairedComparison> holmPaired(List<PairedComparison> paired) {
        return holmByFamily(paired, PairedComparison::family, PairedComparison::wilcoxonP, (c, adjusted) ->
                new PairedComparison(c.model(), c.family(), c.pairs(), c.unpaired(), c.medianDifference(), c.worse(),
                        c.wilcoxonP(), adjusted));
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : StatUtils.mean(v);
    }

    private static Importance importance(List<StudyTrial> trials, List<SearchDimension> dims, List<String> models,
                                         long seed) {
        int d = dims.size();
        double[][] x = new double[trials.size()][d];
        double[] y = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = dims.get(j).toUnit(trials.get(i).hyperparameters()[j]);
            }
            y[i] = trials.get(i).testLoss();
        }
        double[] lower = dims.stream().mapToDouble(SearchDimension::lowerUnit).toArray();
        double[] upper = dims.stream().mapToDouble(SearchDimension::upperUnit).toArray();
        Fanova fanova = Fanova.of(RegressionForest.fit(x, y, RegressionForest.DEFAULT_TREES, 3, seed), lower, upper);
        List<Fanova.Estimate> main = new ArrayList<>();
        Map<List<Integer>, Fanova.Estimate> pairs = new LinkedHashMap<>();
        List<Marginal> marginals = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            main.add(fanova.mainEffect(i));
            for (int j = i + 1; j < d; j++) {
                pairs.put(List.of(i, j), fanova.pairEffect(i, j));
            }
            double[] xs = new double[MARGINAL_POINTS];
            double[] mean = new double[MARGINAL_POINTS];
            double[] std = new double[MARGINAL_POINTS];
            for (int k = 0; k < MARGINAL_POINTS; k++) {
                double u = lower[i] + (upper[i] - lower[i]) * k / (MARGINAL_POINTS - 1);
                Fanova.Estimate e = fanova.marginal(i, u);
                xs[k] = dims.get(i).fromUnit(u);
                mean[k] = e.mean();
                std[k] = e.std();
            }
            marginals.add(new Marginal(dims.get(i), xs, mean, std));
        }
        return new Importance(List.copyOf(dims), trials.size(), models, List.copyOf(main), pairs, List.copyOf(marginals));
    }
}
