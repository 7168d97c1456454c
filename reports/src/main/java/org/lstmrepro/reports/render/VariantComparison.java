package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lstmrepro.reports.analysis.Holm;
import org.lstmrepro.reports.store.TrialRecord;

/**
 * A task's variants against vanilla (Greff et al. 2015): each {@code vanilla:VARIANT/...} model against
 * {@code vanilla/...} with the same rule, on each outcome measure of {@link VariantTest#MEASURES}. A task
 * makes many comparisons (eight variants times two measures), so beside each raw p-value the table gives
 * it corrected by {@link Holm}'s procedure over all the task's p-values of the same test.
 */
final class VariantComparison {

    static final List<String> HEADER = List.of("variant", "against", "measure", "n variant", "n vanilla",
            "Welch t-test p", "Mann-Whitney U p", "U p-value", "Welch p, Holm", "U p, Holm", "note");

    private VariantComparison() {
    }

    /** The tests of every variant on this task, in model order. */
    static List<VariantTest> tests(TaskGroup task) {
        List<VariantTest> tests = new ArrayList<>();
        task.byModel().forEach((model, trials) -> {
            ModelLabel label = ModelLabel.parse(model);
            if (!label.isVanillaVariant()) {
                return;
            }
            String baseline = label.vanillaBaseline();
            List<TrialRecord> vanilla = task.byModel().getOrDefault(baseline, List.of());
            for (VariantTest.Measure m : VariantTest.MEASURES) {
                tests.add(VariantTest.compare(model, trials, baseline, vanilla, m));
            }
        });
        return tests;
    }

    /** The table, or empty when the task has no vanilla variant. */
    static Optional<Block.Table> of(TaskGroup task) {
        List<VariantTest> tests = tests(task);
        double[] welchHolm = Holm.adjust(tests.stream().mapToDouble(VariantTest::welchP).toArray());
        double[] uHolm = Holm.adjust(tests.stream().mapToDouble(VariantTest::mannWhitneyP).toArray());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            VariantTest t = tests.get(i);
            rows.add(List.of("`" + t.variant() + "`", "`" + t.baseline() + "`", t.measure(),
                    Integer.toString(t.nVariant()), Integer.toString(t.nBaseline()), Format.pValue(t.welchP()),
                    Format.pValue(t.mannWhitneyP()), uMethod(t), Format.pValue(welchHolm[i]), Format.pValue(uHolm[i]),
                    t.note()));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Block.Table(HEADER, rows));
    }

    private static String uMethod(VariantTest t) {
        if (Double.isNaN(t.mannWhitneyP())) {
            return "";
        }
        return t.exactU() ? "exact" : "normal approx.";
    }
}
