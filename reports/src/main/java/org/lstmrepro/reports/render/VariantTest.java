package org.lstmrepro.reports.render;

import java.util.List;
import java.util.function.Function;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * One variant against vanilla on one task and one outcome measure, as Greff et al. (2015) compare
 * them: Welch's t-test (unequal variances) and, because outcomes such as sequences-to-criterion are
 * skewed, the Mann-Whitney U test too. Both two-sided. The U test's p-value is exact (the permutation
 * distribution of U) when the two samples have no tied values and at most {@link #EXACT_LIMIT} values
 * each; otherwise it is the normal approximation with continuity correction and tie-corrected variance.
 * Small samples are the rule here (a few seeds a side), where the normal approximation is far off: for
 * two against two with no overlap it gives 0.12 where the exact value is 1/3.
 *
 * @param variant     the variant's model label
 * @param baseline    vanilla's model label
 * @param measure     what was compared, e.g. {@code test MSE}
 * @param nVariant    trials of the variant with the measure
 * @param nBaseline   trials of vanilla with the measure
 * @param welchP      Welch's t-test p-value, NaN when not computed
 * @param mannWhitneyP Mann-Whitney U test p-value, NaN when not computed
 * @param exactU      whether {@code mannWhitneyP} is exact rather than the normal approximation
 * @param note        why a test was not computed, or "" when both were
 */
record VariantTest(String variant, String baseline, String measure, int nVariant, int nBaseline, double welchP,
                   double mannWhitneyP, boolean exactU, String note) {

    /** The fewest trials per side a test is computed with. */
    static final int MIN_TRIALS = 2;

    /** The largest sample (per side) with an exact U p-value; beyond it the normal approximation is close. */
    static final int EXACT_LIMIT = 50;

    /** An outcome measure: its name and how to get its per-trial values. */
    record Measure(String name, Function<List<TrialRecord>, double[]> values) {
    }

    static final Measure TEST_MSE = new Measure("test MSE", Outcomes::testMse);
    static final Measure SEQUENCES = new Measure("sequences to criterion (solved trials)", Outcomes::sequencesToCriterion);
    static final List<Measure> MEASURES = List.of(TEST_MSE, SEQUENCES);

    static VariantTest compare(String variant, List<TrialRecord> variantTrials, String baseline,
                               List<TrialRecord> baselineTrials, Measure measure) {
        double[] a = measure.values().apply(variantTrials);
        double[] b = measure.values().apply(baselineTrials);
        if (baselineTrials.isEmpty()) {
            return skipped(variant, baseline, measure, a.length, 0, "skipped: no " + baseline + " trials on this task");
        }
        if (a.length < MIN_TRIALS || b.length < MIN_TRIALS) {
            return skipped(variant, baseline, measure, a.length, b.length,
                    "skipped: fewer than " + MIN_TRIALS + " trials with this measure on a side");
        }
        double welch = Double.NaN;
        String note = "";
        if (StatUtils.variance(a) == 0 && StatUtils.variance(b) == 0) {
            note = "t-test undefined: no variance on either side";
        } else {
            welch = new TTest().tTest(a, b);
        }
        UTest u = uTest(a, b);
        return new VariantTest(variant, baseline, measure.name(), a.length, b.length, welch, u.p(), u.exact(), note);
    }

    /** A two-sided Mann-Whitney p-value and whether it is exact. */
    record UTest(double p, boolean exact) {
    }

    /**
     * The two-sided Mann-Whitney U test: exact when neither sample has ties and each has at most
     * {@link #EXACT_LIMIT} values, else the normal approximation (continuity correction, tie-corrected variance).
     */
    static UTest uTest(double[] a, double[] b) {
        MannWhitneyUTest.Result approx = MannWhitneyUTest.withDefaults().with(PValueMethod.ASYMPTOTIC).test(a, b);
        boolean exact = !approx.hasTiedValues() && a.length <= EXACT_LIMIT && b.length <= EXACT_LIMIT;
        return new UTest(exact ? MannWhitneyUTest.withDefaults().with(PValueMethod.EXACT).test(a, b).getPValue()
                : approx.getPValue(), exact);
    }

    private static VariantTest skipped(String variant, String baseline, Measure measure, int nVariant, int nBaseline,
                                       String why) {
        return new VariantTest(variant, baseline, measure.name(), nVariant, nBaseline, Double.NaN, Double.NaN, false, why);
    }
}
